import { builder } from "../builder.js";

/** The argument every mutation that changes data takes, so a retried request applies once (idempotency.ts). */
export const idempotencyKeyArg = builder.args((t) => ({
  idempotencyKey: t.string({
    description: "Any unique string per change (a UUID): a retry with it gets the first answer.",
  }),
}));
