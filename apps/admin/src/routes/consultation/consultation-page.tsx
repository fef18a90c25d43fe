import { useMutation, useQuery } from "@apollo/client/react";
import { DataTable } from "@revita/ui/components/data-table";
import { KpiCard } from "@revita/ui/components/kpi-card";
import { type BadgeTone, StatusBadge } from "@revita/ui/components/status-badge";
import { type EntryField, EntryForm } from "../../features/entry/entry-form.js";
import { refetchQuietly } from "../../features/refetch.js";
import {
  ConsultationPageDocument,
  type ConsultationPageQuery,
  type ConsultationTopicRowFragment,
  DecideConsultationTopicDocument,
  FollowUpConsultationTopicDocument,
  HoldConsultationMeetingDocument,
  type MeetingKind,
  type ParticipantRole,
  RaiseConsultationTopicDocument,
  type Satisfaction,
  type TopicKind,
  type TopicStatus,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import { bracketed } from "../../i18n/punctuation.js";
import { type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { AttentionList } from "../overview/attention-list.js";
import { inTimeShare, mergeTopics } from "./consultation-list.js";
import "../mediation/mediation-page.css";

const STATUS_TONE: Record<TopicStatus, BadgeTone> = {
  ANSWERED: "good",
  TAKEN_UP: "info",
  DECIDED: "warning",
  CLOSED: "good",
};

type Meeting = NonNullable<ConsultationPageQuery["region"]>["consultationMeetings"][number];

export default function ConsultationPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.consultation.title} untitled={t.nav.consultation}>
      {(region) => <Consultation place={place} region={region} />}
    </RegionPage>
  );
}

function Consultation({ place, region }: { place: Place; region: ScopedRegion }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const { data, loading, error, refetch } = useQuery(ConsultationPageDocument, { variables: { code: region.code } });
  const open = data?.region?.open.edges.map((edge) => edge.node) ?? [];
  const latest = data?.region?.latest.edges.map((edge) => edge.node) ?? [];
  const topics = mergeTopics(open, latest);
  const selected = topics.find((topic) => String(topic.number) === place.params.topic);
  const meetings = data?.region?.consultationMeetings ?? [];
  const share = inTimeShare(latest);
  const again = () => refetchQuietly(refetch);

  return (
    <div className="mediation">
      <p className="muted">{t.consultation.intro}</p>
      <AttentionList
        place={place}
        regionCode={region.code}
        rules={["ANSWER_OVERDUE"]}
        title={t.alerts.rules.ANSWER_OVERDUE}
        quietWhenNone
      />
      <section className="mediation__board" aria-label={t.consultation.topics}>
        <KpiCard
          label={t.consultation.openNow}
          loading={loading && !data}
          value={t.consultation.count({ count: data?.region?.open.totalCount ?? 0 })}
        />
        <KpiCard
          label={t.consultation.overdue}
          loading={loading && !data}
          value={t.consultation.count({ count: open.filter((topic) => topic.overdueDays !== null).length })}
        />
        <KpiCard
          label={t.consultation.raisedShown}
          loading={loading && !data}
          value={t.consultation.count({ count: data?.region?.latest.totalCount ?? 0 })}
        />
        <KpiCard
          label={t.consultation.inTime}
          loading={loading && !data}
          value={share.due > 0 ? `${((share.inTime / share.due) * 100).toFixed(1)}%` : "—"}
          detail={share.due > 0 ? t.consultation.inTimeDetail(share) : t.consultation.noneDue}
        />
      </section>

      <section className="panel">
        <h2>{t.consultation.topics}</h2>
        <DataTable
          caption={t.consultation.topics}
          rows={topics}
          rowKey={(topic) => topic.id}
          loading={loading}
          error={error}
          onRetry={again}
          emptyText={t.consultation.topicsEmpty}
          exportName={`consultation-${region.code}`}
          onRowClick={(topic) => navigate(withParams(place, { topic: String(topic.number) }), { replace: true })}
          columns={[
            { key: "number", header: t.consultation.number, value: (c) => c.number, numeric: true },
            {
              key: "title",
              header: t.consultation.topicTitle,
              value: (c) => c.title,
              render: (c) => <span className={selected?.number === c.number ? "mediation__chosen" : undefined}>{c.title}</span>,
            },
            { key: "kind", header: t.consultation.kind, value: (c) => t.topicKinds[c.kind] },
            { key: "where", header: t.consultation.where, value: (c) => name(c.region) },
            { key: "raisedBy", header: t.consultation.raisedBy, value: (c) => c.raisedBy },
            { key: "raisedOn", header: t.consultation.raisedOn, value: (c) => c.raisedOn },
            {
              key: "status",
              header: t.consultation.status,
              value: (c) => t.topicStatuses[c.status],
              render: (c) => (
                <StatusBadge tone={c.overdueDays !== null ? "bad" : STATUS_TONE[c.status]}>
                  {c.overdueDays !== null ? t.consultation.overdueDays({ days: c.overdueDays }) : t.topicStatuses[c.status]}
                </StatusBadge>
              ),
            },
            { key: "answerDue", header: t.consultation.answerDue, value: (c) => c.answerDue ?? null },
          ]}
        />
        {data?.region && data.region.latest.totalCount > latest.length && (
          <p className="muted">{t.consultation.truncated({ shown: latest.length, total: data.region.latest.totalCount })}</p>
        )}
        {selected ? (
          <TopicFile topic={selected} meetings={meetings} canEdit={region.access.edit} refetch={again} />
        ) : (
          topics.length > 0 && <p className="muted">{t.consultation.chooseTopic}</p>
        )}
      </section>

      <Meetings meetings={meetings} />

      {region.access.edit ? (
        <div className="chart-grid">
          <RaiseTopic
            region={region}
            onRaised={(number) => {
              again();
              navigate(withParams(place, { topic: String(number) }), { replace: true });
            }}
          />
          <HoldMeeting region={region} onHeld={again} />
        </div>
      ) : (
        <p className="muted">{t.consultation.noEdit}</p>
      )}
    </div>
  );
}

function TopicFile({
  topic,
  meetings,
  canEdit,
  refetch,
}: {
  topic: ConsultationTopicRowFragment;
  meetings: readonly Meeting[];
  canEdit: boolean;
  refetch: () => void;
}) {
  const { t, locale } = useAppLocale();
  const [decide] = useMutation(DecideConsultationTopicDocument);
  const [followUp] = useMutation(FollowUpConsultationTopicDocument);
  const sameCommunity = meetings.filter((meeting) => meeting.region.code.slice(0, 12) === topic.region.code.slice(0, 12));
  const fact = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  const inTime =
    topic.answeredInTime === null || topic.answeredInTime === undefined
      ? ""
      : bracketed(topic.answeredInTime ? t.consultation.inTimeYes : t.consultation.inTimeNo, locale);
  return (
    <div className="mediation__file">
      <h3>
        {t.consultation.topicFile({ number: topic.number })}{" "}
        <StatusBadge tone={STATUS_TONE[topic.status]}>{t.topicStatuses[topic.status]}</StatusBadge>
      </h3>
      <dl className="mediation__facts">
        {fact(t.consultation.topicTitle, topic.title)}
        {fact(t.consultation.detail, topic.detail)}
        {fact(t.consultation.raisedBy, `${topic.raisedBy}${bracketed(t.consultationChannels[topic.channel], locale)}`)}
        {fact(t.consultation.raisedOn, String(topic.raisedOn))}
        {fact(t.consultation.answerDue, topic.answerDue ? String(topic.answerDue) : null)}
        {fact(t.consultation.investigators, topic.investigators)}
        {fact(t.consultation.answer, topic.answer)}
        {fact(t.consultation.answeredOn, topic.answeredOn ? `${topic.answeredOn}${inTime}` : null)}
        {fact(t.consultation.meeting, topic.meeting?.title)}
        {fact(t.consultation.followUp, topic.followUp)}
        {fact(t.consultation.satisfaction, topic.satisfaction ? t.satisfactions[topic.satisfaction] : null)}
      </dl>
      {canEdit && topic.status === "TAKEN_UP" && (
        <EntryForm
          id={`topic-decide-${topic.number}`}
          title={t.consultation.decideTitle}
          fields={[
            { name: "decision", label: t.consultation.decision, required: true },
            { name: "on", label: t.consultation.decidedOn, type: "date" },
            {
              name: "meetingNumber",
              label: t.consultation.meetingField,
              type: "select",
              options: [
                { value: "", label: t.consultation.noMeeting },
                ...sameCommunity.map((meeting) => ({
                  value: String(meeting.number),
                  label: `${meeting.heldOn} ${meeting.title}`,
                })),
              ],
            },
          ]}
          submitLabel={t.consultation.decide}
          onSubmit={async (values, idempotencyKey) => {
            await decide({
              variables: {
                idempotencyKey,
                topic: topic.number,
                decision: values.decision ?? "",
                on: values.on,
                meeting: values.meetingNumber ? Number(values.meetingNumber) : null,
                expectedVersion: topic.version,
              },
            });
            refetch();
            return t.consultation.decided;
          }}
        />
      )}
      {canEdit && (topic.status === "ANSWERED" || topic.status === "DECIDED") && (
        <EntryForm
          id={`topic-follow-up-${topic.number}`}
          title={t.consultation.followUpTitle}
          fields={[
            { name: "followUp", label: t.consultation.followUpField, required: true },
            {
              name: "satisfaction",
              label: t.consultation.satisfaction,
              type: "select",
              options: (["SATISFIED", "FAIRLY_SATISFIED", "DISSATISFIED"] as const).map((value) => ({
                value,
                label: t.satisfactions[value],
              })),
            },
            { name: "on", label: t.consultation.followedUpOn, type: "date" },
          ]}
          submitLabel={t.consultation.recordFollowUp}
          onSubmit={async (values, idempotencyKey) => {
            await followUp({
              variables: {
                idempotencyKey,
                topic: topic.number,
                followUp: values.followUp ?? "",
                satisfaction: (values.satisfaction ?? "SATISFIED") as Satisfaction,
                on: values.on,
                expectedVersion: topic.version,
              },
            });
            refetch();
            return t.consultation.followedUp;
          }}
        />
      )}
    </div>
  );
}

function Meetings({ meetings }: { meetings: Meeting[] }) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  return (
    <section className="panel">
      <h2>{t.consultation.meetings}</h2>
      <DataTable
        caption={t.consultation.meetings}
        rows={meetings}
        rowKey={(meeting) => String(meeting.number)}
        emptyText={t.consultation.meetingsEmpty}
        columns={[
          { key: "heldOn", header: t.consultation.heldOn, value: (m) => m.heldOn },
          { key: "title", header: t.consultation.meetingTitle, value: (m) => m.title },
          { key: "kind", header: t.consultation.meetingKind, value: (m) => t.meetingKinds[m.kind] },
          { key: "where", header: t.consultation.where, value: (m) => name(m.region) },
          {
            key: "participants",
            header: t.consultation.participants,
            value: (m) =>
              m.participants
                .map((p) => `${t.participantRoles[p.role]}${locale === "en" ? ": " : "："}${p.name}`)
                .join(locale === "en" ? "; " : "；"),
          },
          {
            key: "topics",
            header: t.consultation.decidedTopics,
            value: (m) => m.topics.map((topic) => topic.title).join(locale === "en" ? "; " : "；"),
          },
        ]}
      />
    </section>
  );
}

/** The village or community a form records for: the region itself, or one chosen among its children. */
function communityField(region: ScopedRegion, label: string, name: (r: { nameZh: string; nameEn?: string | null }) => string) {
  const isCommunity = region.level === "VILLAGE" || region.level === "GRID" || region.level === "BUILDING";
  if (isCommunity) return { fields: [] as EntryField[], code: () => region.code, usable: true };
  return {
    fields: [
      {
        name: "regionCode",
        label,
        type: "select" as const,
        options: region.children.map((child) => ({ value: child.code, label: name(child) })),
      },
    ],
    code: (values: Record<string, string | null>) => values.regionCode ?? "",
    usable: region.level === "TOWNSHIP" && region.children.length > 0,
  };
}

function RaiseTopic({ region, onRaised }: { region: ScopedRegion; onRaised: (number: number) => void }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const [raise] = useMutation(RaiseConsultationTopicDocument);
  const where = communityField(region, t.consultation.community, name);
  if (!where.usable) return null;
  return (
    <EntryForm
      id="raise-consultation-topic"
      title={t.consultation.raiseTitle}
      description={t.consultation.raiseDescription}
      fields={[
        ...where.fields,
        { name: "title", label: t.consultation.topicTitle, required: true },
        {
          name: "kind",
          label: t.consultation.kind,
          type: "select",
          options: (["ISSUE", "SUGGESTION"] as const).map((value) => ({ value, label: t.topicKinds[value] })),
        },
        { name: "raisedBy", label: t.consultation.raisedBy, required: true },
        {
          name: "channel",
          label: t.consultation.channel,
          type: "select",
          options: (Object.keys(t.consultationChannels) as (keyof typeof t.consultationChannels)[]).map((value) => ({
            value,
            label: t.consultationChannels[value],
          })),
        },
        { name: "raisedOn", label: t.consultation.raisedOn, type: "date" },
        { name: "answer", label: t.consultation.onTheSpot },
        { name: "answerDue", label: t.consultation.answerDue, type: "date" },
      ]}
      submitLabel={t.consultation.raise}
      onSubmit={async (values, idempotencyKey) => {
        const { data } = await raise({
          variables: {
            idempotencyKey,
            input: {
              regionCode: where.code(values),
              kind: (values.kind ?? "ISSUE") as TopicKind,
              title: values.title ?? "",
              raisedBy: values.raisedBy ?? "",
              channel: (values.channel ?? "VISIT") as keyof typeof t.consultationChannels,
              raisedOn: values.raisedOn,
              answer: values.answer,
              answerDue: values.answerDue,
            },
          },
        });
        const number = data!.raiseConsultationTopic.number;
        onRaised(number);
        return t.consultation.raised({ number });
      }}
    />
  );
}

/** Participants typed as text: one line a role, others split at 、 or commas. */
function participantsOf(values: Record<string, string | null>): { role: ParticipantRole; name: string }[] {
  const named: [ParticipantRole, string | null][] = [
    ["COMMUNITY", values.community ?? null],
    ["PROPERTY_COMPANY", values.property ?? null],
    ["OWNERS_COMMITTEE", values.owners ?? null],
  ];
  const others = (values.others ?? "").split(/[、,，;；]/).map((text) => text.trim());
  return [
    ...named.filter(([, text]) => text).map(([role, text]) => ({ role, name: text! })),
    ...others.filter(Boolean).map((text) => ({ role: "OTHER" as const, name: text })),
  ];
}

function HoldMeeting({ region, onHeld }: { region: ScopedRegion; onHeld: () => void }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const [hold] = useMutation(HoldConsultationMeetingDocument);
  const where = communityField(region, t.consultation.community, name);
  if (!where.usable) return null;
  return (
    <EntryForm
      id="hold-consultation-meeting"
      title={t.consultation.holdTitle}
      description={t.consultation.holdDescription}
      fields={[
        ...where.fields,
        { name: "title", label: t.consultation.meetingTitle, required: true },
        {
          name: "kind",
          label: t.consultation.meetingKind,
          type: "select",
          options: (Object.keys(t.meetingKinds) as MeetingKind[]).map((value) => ({ value, label: t.meetingKinds[value] })),
        },
        { name: "heldOn", label: t.consultation.heldOn, type: "date" },
        { name: "place", label: t.consultation.place },
        { name: "community", label: t.consultation.forCommunity },
        { name: "property", label: t.consultation.forProperty },
        { name: "owners", label: t.consultation.forOwners },
        { name: "others", label: t.consultation.others },
        { name: "minutes", label: t.consultation.minutes },
      ]}
      submitLabel={t.consultation.hold}
      onSubmit={async (values, idempotencyKey) => {
        const { data } = await hold({
          variables: {
            idempotencyKey,
            input: {
              regionCode: where.code(values),
              kind: (values.kind ?? "THREE_PARTY") as MeetingKind,
              title: values.title ?? "",
              heldOn: values.heldOn,
              place: values.place,
              minutes: values.minutes,
              participants: participantsOf(values),
            },
          },
        });
        onHeld();
        return t.consultation.held({ number: data!.holdConsultationMeeting.number });
      }}
    />
  );
}
