import { decodeGlobalID, resolveNodes } from "@pothos/plugin-relay";
import { isObjectType } from "graphql";
import { builder } from "../builder.js";
import { fieldIssue, NotFoundError, ValidationError } from "../common/errors.js";

/** The most ids one `nodes` call takes: a page of a few lists, not a crawl of the database. */
export const MAX_NODE_IDS = 100;

/**
 * Several objects by their global ids. Replaces the relay plugin's own field, which fails the
 * whole list (and, being non-null, the whole response) for one malformed id: as Relay's
 * contract says, each id that cannot be returned — malformed, of no known type, not there, or
 * outside the reader's regions — answers null, and the others are kept.
 */
builder.queryField("nodes", (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Several objects by their global ids, in the same order; null for each id that cannot be returned. At most ${MAX_NODE_IDS} ids.`,
    args: { ids: t.arg.idList({ required: true, description: "Global ids, as returned in any object's id field." }) },
    resolve: async (_root, { ids }, context, info) => {
      if (ids.length > MAX_NODE_IDS) {
        throw new ValidationError([fieldIssue("ids", "TOO_MANY_IDS", { count: ids.length, max: MAX_NODE_IDS })]);
      }
      const decoded = ids.map((id) => {
        try {
          const global = decodeGlobalID(String(id));
          const type = info.schema.getType(global.typename);
          return isObjectType(type) && type.getInterfaces().some((each) => each.name === "Node") ? global : null;
        } catch {
          return null;
        }
      });
      // One by one, so a missing record answers null instead of failing its neighbours; the
      // scoped client still reads the ids of one type asked for in the same tick in one statement.
      return Promise.all(
        decoded.map((global) =>
          global
            ? resolveNodes(builder, context, info, [global]).then(
                ([node]) => node ?? null,
                (error: unknown) => {
                  // P2025: the loader's findUniqueOrThrow found nothing the reader may see. Asked
                  // for alone it throws; batched with others of its type it answers null.
                  if (error instanceof NotFoundError || (error as { code?: unknown })?.code === "P2025") return null;
                  throw error;
                },
              )
            : null,
        ),
      );
    },
  }),
);
