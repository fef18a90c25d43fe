import { useMutation } from "@apollo/client/react";
import { EntryForm } from "../../features/entry/entry-form.js";
import {
  AddRegionDocument,
  MergeRegionDocument,
  MoveRegionDocument,
  type RegionKind,
  RenameRegionDocument,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import type { ScopedRegion } from "../../shell/region-scope.js";

interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The kinds of region one level down: a county's townships, a township's villages. */
const CHILD_KINDS: Partial<Record<ScopedRegion["level"], RegionKind[]>> = {
  COUNTY: ["TOWN", "TOWNSHIP", "ETHNIC_TOWNSHIP", "SUBDISTRICT"],
  TOWNSHIP: ["VILLAGE", "COMMUNITY"],
};

/**
 * A county's (or township's) admin changes the tree below it: adds, renames and merges its
 * regions, and on a township's page moves one of its villages to another township. The API checks
 * everything (dates in order, codes never reused, siblings only) and refuses beside the field.
 */
export function RegionTreeEntry({
  region,
  regionsBelow: children,
  siblings,
}: {
  region: ScopedRegion;
  regionsBelow: readonly Named[];
  /** The other regions under this one's parent: where a village can move to. */
  siblings: readonly Named[];
}) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const kit = t.regionEntry;
  // Every query on screen: the tables here and the frame's list of regions below.
  const refetchQueries = "active" as const;
  const [add] = useMutation(AddRegionDocument, { refetchQueries });
  const [rename] = useMutation(RenameRegionDocument, { refetchQueries });
  const [move] = useMutation(MoveRegionDocument, { refetchQueries });
  const [merge] = useMutation(MergeRegionDocument, { refetchQueries });
  const kinds = CHILD_KINDS[region.level];
  if (!kinds) return null;
  const options = (regions: readonly Named[]) =>
    regions.map((each) => ({
      value: each.code,
      label: locale === "en" ? `${name(each)} (${each.code})` : `${name(each)}（${each.code}）`,
    }));
  const dated = [
    { name: "effectiveOn", label: kit.effectiveOn, type: "date" as const, required: true },
    { name: "basis", label: kit.basis, required: true, placeholder: kit.basisHint },
  ];

  return (
    <>
      <EntryForm
        id="add-region"
        title={kit.addTitle}
        description={kit.addDescription}
        submitLabel={kit.add}
        fields={[
          { name: "code", label: kit.code, required: true },
          {
            name: "kind",
            label: kit.kind,
            type: "select",
            options: kinds.map((kind) => ({ value: kind, label: t.regionKinds[kind as keyof typeof t.regionKinds] })),
          },
          { name: "nameZh", label: kit.nameZh, required: true },
          { name: "nameEn", label: kit.nameEn, required: true },
          ...dated,
        ]}
        onSubmit={async (values, idempotencyKey) => {
          const { data } = await add({
            variables: {
              idempotencyKey,
              parentCode: region.code,
              code: values.code ?? "",
              kind: (values.kind ?? kinds[0]) as RegionKind,
              nameZh: values.nameZh ?? "",
              nameEn: values.nameEn ?? "",
              effectiveOn: values.effectiveOn ?? "",
              basis: values.basis ?? "",
            },
          });
          return kit.added({ name: data?.addRegion.nameZh ?? "" });
        }}
      />
      {children.length > 0 && (
        <EntryForm
          id="rename-region"
          title={kit.renameTitle}
          submitLabel={kit.rename}
          fields={[
            { name: "code", label: kit.region, type: "select", options: options(children) },
            { name: "nameZh", label: kit.nameZh, required: true },
            { name: "nameEn", label: kit.nameEn, required: true },
            ...dated,
          ]}
          onSubmit={async (values, idempotencyKey) => {
            const { data } = await rename({
              variables: {
                idempotencyKey,
                code: values.code ?? "",
                nameZh: values.nameZh ?? "",
                nameEn: values.nameEn ?? "",
                effectiveOn: values.effectiveOn ?? "",
                basis: values.basis ?? "",
              },
            });
            return kit.renamed({ name: data?.renameRegion.nameZh ?? "" });
          }}
        />
      )}
      {region.level === "TOWNSHIP" && children.length > 0 && siblings.length > 0 && (
        <EntryForm
          id="move-region"
          title={kit.moveTitle}
          description={kit.moveDescription}
          submitLabel={kit.move}
          fields={[
            { name: "code", label: kit.region, type: "select", options: options(children) },
            { name: "parentCode", label: kit.newParent, type: "select", options: options(siblings) },
            ...dated,
          ]}
          onSubmit={async (values, idempotencyKey) => {
            const { data } = await move({
              variables: {
                idempotencyKey,
                code: values.code ?? "",
                parentCode: values.parentCode ?? "",
                effectiveOn: values.effectiveOn ?? "",
                basis: values.basis ?? "",
              },
            });
            const moved = data?.moveRegion;
            return kit.moved({ name: moved?.nameZh ?? "", parent: moved?.parent?.nameZh ?? "" });
          }}
        />
      )}
      {children.length > 1 && (
        <EntryForm
          id="merge-region"
          title={kit.mergeTitle}
          description={kit.mergeDescription}
          submitLabel={kit.merge}
          fields={[
            { name: "code", label: kit.region, type: "select", options: options(children) },
            { name: "intoCode", label: kit.into, type: "select", options: options(children) },
            ...dated,
          ]}
          onSubmit={async (values, idempotencyKey) => {
            const { data } = await merge({
              variables: {
                idempotencyKey,
                code: values.code ?? "",
                intoCode: values.intoCode ?? "",
                effectiveOn: values.effectiveOn ?? "",
                basis: values.basis ?? "",
              },
            });
            const merged = data?.mergeRegion;
            return kit.merged({ name: merged?.nameZh ?? "", into: merged?.successor?.nameZh ?? "" });
          }}
        />
      )}
    </>
  );
}
