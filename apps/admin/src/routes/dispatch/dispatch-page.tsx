import { useMutation, useQuery } from "@apollo/client/react";
import { DataState } from "@revita/ui/components/data-state";
import { DataTable } from "@revita/ui/components/data-table";
import { FilterBar, type FilterValues } from "@revita/ui/components/filter-bar";
import { KpiCard } from "@revita/ui/components/kpi-card";
import { type BadgeTone, StatusBadge } from "@revita/ui/components/status-badge";
import { EntryForm } from "../../features/entry/entry-form.js";
import { refetchQuietly } from "../../features/refetch.js";
import {
  type AlertRule,
  AssignDispatchTaskDocument,
  AttentionDocument,
  DispatchPageDocument,
  type DispatchPageQuery,
  DispatchTaskFileDocument,
  type DispatchTaskRowFragment,
  NoteDispatchTaskProgressDocument,
  RecordDispatchMeetingDocument,
  ReturnDispatchTaskDocument,
  type TaskStatus,
  type TaskSubjectKind,
  UpdateDispatchMeetingDocument,
  VerifyDispatchTaskDocument,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import { bracketed } from "../../i18n/punctuation.js";
import { PlaceLink } from "../../navigation/place-link.js";
import { type Place, pagePlace, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { AttentionList, subjectName, summaryOf } from "../overview/attention-list.js";
import { chinaToday, DUE_FILTERS, STATUS_FILTERS, taskFilterVariables } from "./dispatch-filters.js";
import "../mediation/mediation-page.css";

const STATUS_TONE: Record<TaskStatus, BadgeTone> = {
  ASSIGNED: "info",
  IN_PROGRESS: "warning",
  DONE: "good",
  VERIFIED: "good",
  RETURNED: "bad",
};
const SUBJECT_KINDS: TaskSubjectKind[] = ["PROJECT", "PHASE", "FUND", "INDICATOR", "ALERT", "REGION"];

type Region = NonNullable<DispatchPageQuery["region"]>;
type Meeting = Region["dispatchMeetings"][number];

export default function DispatchPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.dispatch.title} untitled={t.nav.dispatch}>
      {(region) => <Dispatch place={place} region={region} />}
    </RegionPage>
  );
}

function Dispatch({ place, region }: { place: Place; region: ScopedRegion }) {
  const { t } = useAppLocale();
  const variables = taskFilterVariables(region.code, place.params, chinaToday());
  const { data, loading, error, refetch } = useQuery(DispatchPageDocument, { variables });
  const again = () => refetchQuietly(refetch);
  const assigner = region.access.administer || region.access.approve;
  const meetings = data?.region?.dispatchMeetings ?? [];
  const tasks = data?.region?.tasks.edges.map((edge) => edge.node) ?? [];
  const open = data?.region?.open.edges.map((edge) => edge.node) ?? [];
  const meeting = meetings.find((m) => String(m.number) === place.params.meeting);
  const allTasks = [...tasks, ...meetings.flatMap((m) => m.tasks)];
  const task = allTasks.find((row) => String(row.number) === place.params.task);
  const units = [
    ...new Set([
      ...(data?.region?.organizations ?? []).map((o) => o.name),
      ...(data?.region?.children ?? []).flatMap((child) => child.organizations.map((o) => o.name)),
    ]),
  ];

  return (
    <div className="mediation">
      <p className="muted">{t.dispatch.intro}</p>
      <p>
        <PlaceLink place={pagePlace(place, "briefing")}>{t.dispatch.briefing}</PlaceLink>
      </p>
      <AttentionList
        place={place}
        regionCode={region.code}
        rules={["TASK_OVERDUE"]}
        title={t.alerts.rules.TASK_OVERDUE}
        quietWhenNone
      />
      <section className="mediation__board" aria-label={t.dispatch.tasks}>
        <KpiCard
          label={t.dispatch.openNow}
          loading={loading && !data}
          value={t.dispatch.count({ count: data?.region?.open.totalCount ?? 0 })}
        />
        <KpiCard
          label={t.dispatch.overdue}
          loading={loading && !data}
          value={t.dispatch.count({ count: open.filter((row) => row.overdueDays !== null).length })}
        />
        <KpiCard
          label={t.dispatch.doneToVerify}
          loading={loading && !data}
          value={t.dispatch.count({ count: open.filter((row) => row.status === "DONE").length })}
        />
        <KpiCard
          label={t.dispatch.meetingsHeld}
          loading={loading && !data}
          value={t.dispatch.meetingsCount({ count: meetings.length })}
        />
      </section>

      <section className="panel">
        <h2>{t.dispatch.tasks}</h2>
        <div className="filters">
          <FilterBar
            values={{ status: place.params.status, unit: place.params.unit, due: place.params.due }}
            onChange={(values: FilterValues) =>
              navigate(
                withParams(place, {
                  status: values.status as string | undefined,
                  unit: values.unit as string | undefined,
                  due: values.due as string | undefined,
                  task: undefined,
                }),
                { replace: true },
              )
            }
            filters={[
              {
                kind: "select",
                key: "status",
                label: t.dispatch.filterStatus,
                options: STATUS_FILTERS.map((value) => ({
                  value,
                  label:
                    value === "open" ? t.dispatch.openOnly : value === "overdue" ? t.dispatch.overdueOnly : t.taskStatuses[value],
                })),
              },
              {
                kind: "select",
                key: "unit",
                label: t.dispatch.filterUnit,
                options: units.map((unit) => ({ value: unit, label: unit })),
              },
              {
                kind: "select",
                key: "due",
                label: t.dispatch.due,
                options: DUE_FILTERS.map((value) => ({ value, label: t.dispatch.dueWithin[value] })),
              },
            ]}
          />
        </div>
        <TaskTable
          place={place}
          tasks={tasks}
          loading={loading}
          error={error}
          onRetry={again}
          exportName={`tasks-${region.code}`}
        />
        {data?.region && data.region.tasks.totalCount > tasks.length && (
          <p className="muted">{t.dispatch.truncated({ shown: tasks.length, total: data.region.tasks.totalCount })}</p>
        )}
        {task ? (
          <TaskFile id={task.id} region={region} refetch={again} />
        ) : (
          tasks.length > 0 && <p className="muted">{t.dispatch.chooseTask}</p>
        )}
      </section>

      <Meetings place={place} meetings={meetings} chosen={meeting} />
      {meeting && <MeetingFile place={place} meeting={meeting} assigner={assigner} refetch={again} />}

      {assigner ? (
        <>
          <Agenda place={place} region={region} />
          <div className="chart-grid">
            <AssignTask
              key={`${place.params.assign ?? ""} ${meeting?.number ?? ""}`}
              place={place}
              meetings={meetings}
              chosen={meeting}
              units={units}
              onAssigned={(number) => {
                again();
                navigate(withParams(place, { task: String(number), assign: undefined }), { replace: true });
              }}
            />
            <RecordMeeting
              region={region}
              onRecorded={(number) => {
                again();
                navigate(withParams(place, { meeting: String(number) }), { replace: true });
              }}
            />
          </div>
        </>
      ) : (
        <p className="muted">{t.dispatch.noAssign}</p>
      )}
    </div>
  );
}

function subjectOf(task: DispatchTaskRowFragment, name: (r: { nameZh: string; nameEn?: string | null }) => string): string {
  if (task.project) return name(task.project);
  if (task.fund) return task.fund.nameZh;
  if (task.indicator) return name(task.indicator);
  if (task.subjectRegion) return name(task.subjectRegion);
  return task.alertSubjectCode ?? "";
}

function TaskTable({
  place,
  tasks,
  loading = false,
  error,
  onRetry,
  exportName,
}: {
  place: Place;
  tasks: DispatchTaskRowFragment[];
  loading?: boolean;
  error?: Error;
  onRetry?: () => void;
  exportName?: string;
}) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  return (
    <DataTable
      caption={t.dispatch.tasks}
      rows={tasks}
      rowKey={(row) => row.id}
      loading={loading}
      error={error}
      onRetry={onRetry}
      emptyText={t.dispatch.tasksEmpty}
      {...(exportName ? { exportName } : {})}
      onRowClick={(row) => navigate(withParams(place, { task: String(row.number) }), { replace: true })}
      columns={[
        { key: "number", header: t.dispatch.number, value: (row) => row.number, numeric: true },
        {
          key: "title",
          header: t.dispatch.task,
          value: (row) => row.title,
          render: (row) => (
            <span className={String(row.number) === place.params.task ? "mediation__chosen" : undefined}>{row.title}</span>
          ),
        },
        { key: "subject", header: t.dispatch.subject, value: (row) => subjectOf(row, name) },
        { key: "unit", header: t.dispatch.unit, value: (row) => row.unit.name },
        { key: "lead", header: t.dispatch.lead, value: (row) => row.lead },
        { key: "due", header: t.dispatch.due, value: (row) => row.dueOn },
        {
          key: "status",
          header: t.dispatch.status,
          value: (row) => t.taskStatuses[row.status],
          render: (row) => (
            <StatusBadge tone={row.overdueDays !== null ? "bad" : STATUS_TONE[row.status]}>
              {row.overdueDays !== null
                ? `${t.taskStatuses[row.status]}${bracketed(t.dispatch.overdueDays({ days: row.overdueDays }), locale)}`
                : t.taskStatuses[row.status]}
            </StatusBadge>
          ),
        },
      ]}
    />
  );
}

function TaskFile({ id, region, refetch }: { id: string; region: ScopedRegion; refetch: () => void }) {
  const file = useQuery(DispatchTaskFileDocument, { variables: { id } });
  const task = file.data?.node?.__typename === "DispatchTask" ? file.data.node : null;
  if (!task) {
    return (
      <DataState loading={file.loading} error={file.error} empty={false} onRetry={() => void file.refetch()}>
        {null}
      </DataState>
    );
  }
  return (
    <TaskDetails
      task={task}
      region={region}
      refetch={() => {
        refetch();
        void refetchQuietly(file.refetch);
      }}
    />
  );
}

function TaskDetails({
  task,
  region,
  refetch,
}: {
  task: DispatchTaskRowFragment & { notes: { notedOn: string; text: string; movedTo: TaskStatus | null; by: string }[] };
  region: ScopedRegion;
  refetch: () => void;
}) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const [note] = useMutation(NoteDispatchTaskProgressDocument);
  const [verify] = useMutation(VerifyDispatchTaskDocument);
  const [sendBack] = useMutation(ReturnDispatchTaskDocument);
  // What the reader may do is the API's to decide; the forms show where it would allow it.
  const unitSide = region.access.edit;
  const assigner = region.access.administer || region.access.approve;
  const fact = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <div className="mediation__file">
      <h3>
        {t.dispatch.taskFile({ number: task.number })}{" "}
        <StatusBadge tone={STATUS_TONE[task.status]}>{t.taskStatuses[task.status]}</StatusBadge>
      </h3>
      <dl className="mediation__facts">
        {fact(t.dispatch.task, task.title)}
        {fact(t.dispatch.detail, task.detail)}
        {fact(
          t.dispatch.subject,
          `${t.dispatch.subjectKinds[task.subjectKind]}${locale === "en" ? ": " : "："}${subjectOf(task, name)}`,
        )}
        {fact(t.dispatch.meeting, `${task.meeting.heldOn} ${task.meeting.title}`)}
        {fact(t.dispatch.unit, task.unit.name)}
        {fact(t.dispatch.lead, task.lead)}
        {fact(
          t.dispatch.due,
          task.overdueDays !== null
            ? `${task.dueOn}${bracketed(t.dispatch.overdueDays({ days: task.overdueDays }), locale)}`
            : task.dueOn,
        )}
        {fact(t.dispatch.returnReason, task.returnReason)}
        {fact(t.dispatch.doneOn, task.doneOn)}
        {fact(t.dispatch.verifiedOn, task.verifiedOn)}
      </dl>
      <h4>{t.dispatch.notes}</h4>
      {task.notes.length ? (
        <ol className="mediation__steps">
          {task.notes.map((row) => (
            <li key={`${row.notedOn} ${row.movedTo ?? ""} ${row.text}`}>
              <strong>{row.notedOn}</strong>{" "}
              {row.movedTo ? <StatusBadge tone={STATUS_TONE[row.movedTo]}>{t.taskStatuses[row.movedTo]}</StatusBadge> : null}{" "}
              {row.text} <span className="muted">{row.by}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t.dispatch.notesEmpty}</p>
      )}
      {unitSide && task.status !== "VERIFIED" && (
        <EntryForm
          id={`task-note-${task.number}`}
          title={t.dispatch.noteTitle}
          fields={[
            { name: "text", label: t.dispatch.noteText, required: true, type: "textarea" },
            { name: "on", label: t.dispatch.noteOn, type: "date" },
            ...(task.status !== "DONE"
              ? [
                  {
                    name: "done",
                    label: t.dispatch.reportDone,
                    type: "select" as const,
                    options: [
                      { value: "", label: t.dispatch.doneNo },
                      { value: "yes", label: t.dispatch.doneYes },
                    ],
                  },
                ]
              : []),
          ]}
          submitLabel={t.dispatch.noteSubmit}
          onSubmit={async (values, idempotencyKey) => {
            await note({
              variables: {
                idempotencyKey,
                task: task.number,
                text: values.text ?? "",
                on: values.on,
                done: values.done === "yes",
                expectedVersion: task.version,
              },
            });
            refetch();
            return t.dispatch.noted;
          }}
        />
      )}
      {assigner && task.status === "DONE" && (
        <div className="chart-grid">
          <EntryForm
            id={`task-verify-${task.number}`}
            title={t.dispatch.verifyTitle}
            fields={[
              { name: "note", label: t.dispatch.verifyNote },
              { name: "on", label: t.dispatch.verifiedOn, type: "date" },
            ]}
            submitLabel={t.dispatch.verify}
            onSubmit={async (values, idempotencyKey) => {
              await verify({
                variables: { idempotencyKey, task: task.number, note: values.note, on: values.on, expectedVersion: task.version },
              });
              refetch();
              return t.dispatch.verified;
            }}
          />
          <EntryForm
            id={`task-return-${task.number}`}
            title={t.dispatch.returnTitle}
            fields={[{ name: "reason", label: t.dispatch.returnField, required: true }]}
            submitLabel={t.dispatch.returnSubmit}
            onSubmit={async (values, idempotencyKey) => {
              await sendBack({
                variables: { idempotencyKey, task: task.number, reason: values.reason ?? "", expectedVersion: task.version },
              });
              refetch();
              return t.dispatch.returned;
            }}
          />
        </div>
      )}
    </div>
  );
}

function Meetings({ place, meetings, chosen }: { place: Place; meetings: Meeting[]; chosen?: Meeting }) {
  const { t } = useAppLocale();
  const name = useNamer();
  return (
    <section className="panel">
      <h2>{t.dispatch.meetings}</h2>
      <DataTable
        caption={t.dispatch.meetings}
        rows={meetings}
        rowKey={(meeting) => String(meeting.number)}
        emptyText={t.dispatch.meetingsEmpty}
        onRowClick={(meeting) => navigate(withParams(place, { meeting: String(meeting.number) }), { replace: true })}
        columns={[
          { key: "heldOn", header: t.dispatch.heldOn, value: (m) => m.heldOn },
          {
            key: "title",
            header: t.dispatch.meetingTitle,
            value: (m) => m.title,
            render: (m) => <span className={chosen?.number === m.number ? "mediation__chosen" : undefined}>{m.title}</span>,
          },
          { key: "region", header: t.briefingPage.region, value: (m) => name(m.region) },
          { key: "tasks", header: t.dispatch.decisions, value: (m) => m.tasks.length, numeric: true },
        ]}
      />
      {!chosen && meetings.length > 0 && <p className="muted">{t.dispatch.chooseMeeting}</p>}
    </section>
  );
}

function MeetingFile({
  place,
  meeting,
  assigner,
  refetch,
}: {
  place: Place;
  meeting: Meeting;
  assigner: boolean;
  refetch: () => void;
}) {
  const { t } = useAppLocale();
  const [update] = useMutation(UpdateDispatchMeetingDocument);
  return (
    <section className="panel">
      <h2>{t.dispatch.meetingFile({ title: `${meeting.heldOn} ${meeting.title}` })}</h2>
      <dl className="mediation__facts">
        {meeting.attendees && (
          <>
            <dt>{t.dispatch.attendees}</dt>
            <dd>{meeting.attendees}</dd>
          </>
        )}
        {meeting.minutes && (
          <>
            <dt>{t.dispatch.minutes}</dt>
            <dd>{meeting.minutes}</dd>
          </>
        )}
      </dl>
      <h3>{t.dispatch.decisions}</h3>
      <TaskTable place={place} tasks={meeting.tasks} />
      {assigner && (
        <EntryForm
          key={meeting.version}
          id={`meeting-minutes-${meeting.number}`}
          title={t.dispatch.minutesTitle}
          fields={[
            { name: "attendees", label: t.dispatch.attendees, defaultValue: meeting.attendees ?? "" },
            { name: "minutes", label: t.dispatch.minutes, type: "textarea", defaultValue: meeting.minutes ?? "" },
          ]}
          submitLabel={t.dispatch.saveMinutes}
          onSubmit={async (values, idempotencyKey) => {
            await update({
              variables: {
                idempotencyKey,
                meeting: meeting.number,
                attendees: values.attendees,
                minutes: values.minutes,
                expectedVersion: meeting.version,
              },
            });
            refetch();
            return t.dispatch.minutesSaved;
          }}
        />
      )}
    </section>
  );
}

/** The agenda: the current alerts, red first, each with a link that fills the assign form. */
function Agenda({ place, region }: { place: Place; region: ScopedRegion }) {
  const { t, locale } = useAppLocale();
  const { data, loading, error, refetch } = useQuery(AttentionDocument, {
    variables: { code: region.code, rules: null, subjectCode: null, first: 30 },
  });
  const items = data?.region?.alerts.items ?? [];
  return (
    <section className="panel">
      <h2>{t.dispatch.agenda}</h2>
      <p className="muted">{t.dispatch.agendaIntro}</p>
      <DataTable
        caption={t.dispatch.agenda}
        rows={items}
        rowKey={(alert) => `${alert.rule} ${alert.subject.kind} ${alert.subject.code}`}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        emptyText={t.dispatch.agendaEmpty}
        columns={[
          {
            key: "severity",
            header: t.briefing.columns.severity,
            value: (alert) => t.alerts.severity[alert.severity],
            render: (alert) => (
              <StatusBadge tone={alert.severity === "RED" ? "bad" : "warning"}>{t.alerts.severity[alert.severity]}</StatusBadge>
            ),
          },
          { key: "rule", header: t.briefing.columns.rule, value: (alert) => t.alerts.rules[alert.rule] },
          { key: "subject", header: t.briefing.columns.subject, value: (alert) => subjectName(alert, locale) },
          { key: "what", header: t.briefing.columns.what, value: (alert) => summaryOf(alert, locale) },
          {
            key: "assign",
            header: t.dispatch.assignThis,
            value: () => "",
            render: (alert) => (
              <PlaceLink place={withParams(place, { assign: `${alert.rule}:${alert.subject.code}` })}>
                {t.dispatch.assignThis}
              </PlaceLink>
            ),
          },
        ]}
      />
    </section>
  );
}

function AssignTask({
  place,
  meetings,
  chosen,
  units,
  onAssigned,
}: {
  place: Place;
  meetings: readonly Meeting[];
  chosen?: Meeting;
  units: readonly string[];
  onAssigned: (number: number) => void;
}) {
  const { t, locale } = useAppLocale();
  const [assign] = useMutation(AssignDispatchTaskDocument);
  const [rule, code] = (place.params.assign ?? "").split(":") as [string | undefined, string | undefined];
  const fromAlert = Boolean(rule && code);
  if (!meetings.length) return null;
  return (
    <EntryForm
      id="assign-dispatch-task"
      title={t.dispatch.assignTitle}
      description={t.dispatch.assignDescription}
      fields={[
        {
          name: "meetingNumber",
          label: t.dispatch.meetingTitle,
          type: "select",
          defaultValue: String((chosen ?? meetings[0]!).number),
          options: meetings.map((m) => ({ value: String(m.number), label: `${m.heldOn} ${m.title}` })),
        },
        {
          name: "title",
          label: t.dispatch.task,
          required: true,
          defaultValue: fromAlert ? `${t.alerts.rules[rule as AlertRule]}${locale === "en" ? ": " : "："}${code}` : "",
        },
        {
          name: "subjectKind",
          label: t.dispatch.subjectKind,
          type: "select",
          defaultValue: fromAlert ? "ALERT" : "PROJECT",
          options: SUBJECT_KINDS.map((kind) => ({ value: kind, label: t.dispatch.subjectKinds[kind] })),
        },
        { name: "subjectCode", label: t.dispatch.subjectCode, required: true, defaultValue: code ?? "" },
        {
          name: "alertRule",
          label: t.dispatch.alertRule,
          type: "select",
          defaultValue: fromAlert ? rule : "",
          options: [
            { value: "", label: t.dispatch.noAlertRule },
            ...(Object.keys(t.alerts.rules) as AlertRule[]).map((value) => ({ value, label: t.alerts.rules[value] })),
          ],
        },
        {
          name: "unitName",
          label: t.dispatch.unit,
          type: "select",
          options: units.map((unit) => ({ value: unit, label: unit })),
        },
        { name: "lead", label: t.dispatch.lead, required: true },
        { name: "dueOn", label: t.dispatch.due, type: "date", required: true },
        { name: "detail", label: t.dispatch.detail, type: "textarea" },
      ]}
      submitLabel={t.dispatch.assign}
      onSubmit={async (values, idempotencyKey) => {
        const { data } = await assign({
          variables: {
            idempotencyKey,
            input: {
              meetingNumber: Number(values.meetingNumber),
              title: values.title ?? "",
              subjectKind: (values.subjectKind ?? "PROJECT") as TaskSubjectKind,
              subjectCode: values.subjectCode ?? "",
              alertRule: (values.alertRule || null) as AlertRule | null,
              unitName: values.unitName ?? "",
              lead: values.lead ?? "",
              dueOn: values.dueOn ?? "",
              detail: values.detail,
            },
          },
        });
        const number = data!.assignDispatchTask.number;
        onAssigned(number);
        return t.dispatch.assigned({ number });
      }}
    />
  );
}

function RecordMeeting({ region, onRecorded }: { region: ScopedRegion; onRecorded: (number: number) => void }) {
  const { t } = useAppLocale();
  const [record] = useMutation(RecordDispatchMeetingDocument);
  return (
    <EntryForm
      id="record-dispatch-meeting"
      title={t.dispatch.recordTitle}
      description={t.dispatch.recordDescription}
      fields={[
        { name: "title", label: t.dispatch.meetingTitle, required: true },
        { name: "heldOn", label: t.dispatch.heldOn, type: "date" },
        { name: "attendees", label: t.dispatch.attendees },
        { name: "minutes", label: t.dispatch.minutes, type: "textarea" },
      ]}
      submitLabel={t.dispatch.record}
      onSubmit={async (values, idempotencyKey) => {
        const { data } = await record({
          variables: {
            idempotencyKey,
            input: {
              regionCode: region.code,
              title: values.title ?? "",
              heldOn: values.heldOn,
              attendees: values.attendees,
              minutes: values.minutes,
            },
          },
        });
        const number = data!.recordDispatchMeeting.number;
        onRecorded(number);
        return t.dispatch.recorded({ number });
      }}
    />
  );
}
