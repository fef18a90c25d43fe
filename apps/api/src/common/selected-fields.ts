import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * Whether the request asks for the field at `path` below the objects this field returns (through
 * fragments too): ["entries"] for a field of theirs, ["entries", "standing"] for one of the
 * entries', so that a resolver can leave out work only that field needs. Directives are not
 * weighed: a field behind @include(if: false) counts as asked, which costs time, never data.
 */
export function selectsField(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const asks = (selectionSet: SelectionSetNode | undefined, rest: readonly string[], seen: Set<string>): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== rest[0]) return false;
        return rest.length === 1 || asks(selection.selectionSet, rest.slice(1), new Set());
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet, rest, seen);
      const fragmentName = selection.name.value;
      if (seen.has(fragmentName)) return false;
      return asks(info.fragments[fragmentName]?.selectionSet, rest, new Set([...seen, fragmentName]));
    });
  return path.length > 0 && info.fieldNodes.some((node) => asks(node.selectionSet, path, new Set()));
}
