/**
 * A process that tries to take the embedded database's lock, for the test of two processes
 * starting at once: prints "held" and keeps the lock a moment, or "refused".
 */
import { acquireEmbeddedLock, EmbeddedDatabaseInUseError } from "../src/db/embedded-lock.js";

const dataDir = process.argv[2]!;
const startAt = Number(process.argv[3]);
// Start together: wait for the same moment as the other process.
while (Date.now() < startAt) {
  // spin: a timer would start the two processes milliseconds apart
}
try {
  const lock = acquireEmbeddedLock(dataDir);
  process.stdout.write("held");
  setTimeout(() => lock.release(), 300);
} catch (error) {
  if (!(error instanceof EmbeddedDatabaseInUseError)) throw error;
  process.stdout.write("refused");
}
