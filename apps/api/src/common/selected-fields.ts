import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * Whether the request asks for `name` directly on the objects this field returns (through
 * fragments too), so that a resolver can leave out work only that field needs. Directives are
 * not weighed: a field behind @include(if: false) counts as asked, which costs time, never data.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const asks = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet);
      const fragmentName = selection.name.value;
      if (seen.has(fragmentName)) return false;
      seen.add(fragmentName);
      return asks(info.fragments[fragmentName]?.selectionSet);
    });
  return info.fieldNodes.some((node) => asks(node.selectionSet));
}
