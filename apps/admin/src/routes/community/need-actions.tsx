import { useMutation } from "@apollo/client/react";
import { StatusBadge } from "@revita/ui/components/status-badge";
import { useState } from "react";
import { type EntryField, EntryForm } from "../../features/entry/entry-form.js";
import {
  ClaimNeedDocument,
  ConfirmNeedDocument,
  FinishNeedDocument,
  type NeedRowFragment,
  ReturnNeedDocument,
  StartNeedDocument,
} from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";

type ClaimantKind = "MEMBER" | "TEAM" | "UNIT";

/**
 * What can be done with the need chosen in the list, by where it stands: an open need is
 * claimed (by a member, a team or a unit, with the day it will be done by); a claimed one is
 * started or finished; a done one is confirmed or returned with the reason. The API checks
 * every move and refuses by field, shown beside the field in the reader's language.
 */
export function NeedActions({
  need,
  canEdit,
  members,
  teams,
  refetch,
}: {
  need: NeedRowFragment;
  canEdit: boolean;
  members: readonly { number: number; name: string }[];
  teams: readonly { number: number; name: string }[];
  refetch: () => void;
}) {
  const { t } = useAppLocale();
  const [claimant, setClaimant] = useState<ClaimantKind>(members.length ? "MEMBER" : "UNIT");
  const [claim] = useMutation(ClaimNeedDocument);
  const [start] = useMutation(StartNeedDocument);
  const [finish] = useMutation(FinishNeedDocument);
  const [confirm] = useMutation(ConfirmNeedDocument);
  const [giveBack] = useMutation(ReturnNeedDocument);
  const heading = (
    <h3>
      {t.community.selected({ number: need.number, title: need.title })}{" "}
      <StatusBadge tone="info">{t.needStatuses[need.status]}</StatusBadge>
    </h3>
  );
  const facts = (
    <dl className="community__facts">
      {need.residentName && (
        <>
          <dt>{t.community.resident}</dt>
          <dd>
            {need.residentName}
            {need.residentPhone ? ` · ${need.residentPhone}` : ""}
          </dd>
        </>
      )}
      <dt>{t.community.raisedOn}</dt>
      <dd>{need.raisedOn}</dd>
      {need.description && (
        <>
          <dt>{t.community.need}</dt>
          <dd>{need.description}</dd>
        </>
      )}
      {need.outcome && (
        <>
          <dt>{t.community.outcome}</dt>
          <dd>{need.outcome}</dd>
        </>
      )}
    </dl>
  );
  if (!canEdit) {
    return (
      <div className="community__actions">
        {heading}
        {facts}
        <p className="muted">{t.community.noEdit}</p>
      </div>
    );
  }
  const done = (moved: NeedRowFragment) => {
    refetch();
    return t.community.moved({ status: t.needStatuses[moved.status] });
  };

  if (need.status === "OPEN") {
    const fields: EntryField[] = [
      {
        name: "claimantKind",
        label: t.community.claimantKindLabel,
        type: "select",
        defaultValue: claimant,
        options: (["MEMBER", "TEAM", "UNIT"] as const)
          .filter((kind) => (kind === "MEMBER" ? members.length : kind === "TEAM" ? teams.length : true))
          .map((kind) => ({ value: kind, label: t.claimantKinds[kind] })),
      },
      claimant === "MEMBER"
        ? {
            name: "claimantMemberNumber",
            label: t.community.claimantMember,
            type: "select",
            options: members.map((member) => ({ value: String(member.number), label: member.name })),
          }
        : claimant === "TEAM"
          ? {
              name: "claimantTeamNumber",
              label: t.community.claimantTeam,
              type: "select",
              options: teams.map((team) => ({ value: String(team.number), label: team.name })),
            }
          : { name: "claimantUnitName", label: t.community.claimantUnit, placeholder: t.community.unitPlaceholder },
      { name: "dueOn", label: t.community.dueOn, type: "date", required: true },
      { name: "projectName", label: t.community.projectName, defaultValue: need.projectName ?? undefined },
    ];
    return (
      <div className="community__actions">
        {heading}
        {facts}
        <EntryForm
          id={`claim-need-${need.number}`}
          title={t.community.claimTitle}
          description={t.community.claimDescription}
          fields={fields}
          submitLabel={t.community.submitClaim}
          onFieldChange={(name, value) => name === "claimantKind" && setClaimant(value as ClaimantKind)}
          onSubmit={async (values, idempotencyKey) => {
            const { data } = await claim({
              variables: {
                idempotencyKey,
                input: {
                  needNumber: need.number,
                  expectedVersion: need.version,
                  claimantMemberNumber:
                    claimant === "MEMBER" && values.claimantMemberNumber ? Number(values.claimantMemberNumber) : null,
                  claimantTeamNumber: claimant === "TEAM" && values.claimantTeamNumber ? Number(values.claimantTeamNumber) : null,
                  claimantUnitName: claimant === "UNIT" ? values.claimantUnitName : null,
                  dueOn: values.dueOn,
                  projectName: values.projectName,
                },
              },
            });
            refetch();
            return t.community.claimed({ name: data!.claimNeed.claimant?.name ?? "" });
          }}
        />
      </div>
    );
  }

  if (need.status === "CLAIMED" || need.status === "IN_PROGRESS") {
    return (
      <div className="community__actions">
        {heading}
        {facts}
        <EntryForm
          id={`move-need-${need.number}`}
          title={t.community.moveTitle}
          fields={[
            { name: "outcome", label: t.community.outcome },
            { name: "on", label: t.community.on, type: "date" },
          ]}
          submitLabel={t.community.finish}
          actions={[
            ...(need.status === "CLAIMED" ? [{ name: "START", label: t.community.start }] : []),
            { name: "FINISH", label: t.community.finish },
          ]}
          onSubmit={async (values, idempotencyKey, action) => {
            const input = { needNumber: need.number, expectedVersion: need.version, on: values.on, outcome: values.outcome };
            if (action === "START") return done((await start({ variables: { idempotencyKey, input } })).data!.startNeed);
            return done((await finish({ variables: { idempotencyKey, input } })).data!.finishNeed);
          }}
        />
      </div>
    );
  }

  if (need.status === "DONE") {
    return (
      <div className="community__actions">
        {heading}
        {facts}
        <EntryForm
          id={`confirm-need-${need.number}`}
          title={t.community.moveTitle}
          fields={[
            { name: "note", label: t.community.note },
            { name: "on", label: t.community.on, type: "date" },
          ]}
          submitLabel={t.community.confirm}
          actions={[
            { name: "CONFIRM", label: t.community.confirm },
            { name: "RETURN", label: t.community.return },
          ]}
          onSubmit={async (values, idempotencyKey, action) => {
            const input = { needNumber: need.number, expectedVersion: need.version, on: values.on, note: values.note };
            if (action === "RETURN") return done((await giveBack({ variables: { idempotencyKey, input } })).data!.returnNeed);
            return done((await confirm({ variables: { idempotencyKey, input } })).data!.confirmNeed);
          }}
        />
      </div>
    );
  }

  return (
    <div className="community__actions">
      {heading}
      {facts}
    </div>
  );
}
