import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

/**
 * PGlite is single-process: two processes opening one data directory corrupt it. A lock file
 * beside the directory, created exclusively and holding the owner's pid, keeps a second
 * process out. A lock left by a process that no longer runs is taken over.
 */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is already open in process ${ownerPid}. ` +
        "Stop that process first, or point REVITA_DATA_DIR at another directory, or set DATABASE_URL to use a PostgreSQL server.",
    );
    this.name = "EmbeddedDatabaseInUseError";
  }
}

export interface EmbeddedLock {
  readonly path: string;
  release(): void;
}

export function lockPathFor(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}.lock`;
}

export function acquireEmbeddedLock(dataDir: string): EmbeddedLock {
  const path = lockPathFor(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(path, "utf8").trim() === String(process.pid)) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const ownerPid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
      if (Number.isInteger(ownerPid) && ownerPid !== process.pid && isRunning(ownerPid)) {
        throw new EmbeddedDatabaseInUseError(dataDir, ownerPid);
      }
      if (ownerPid === process.pid) throw new EmbeddedDatabaseInUseError(dataDir, ownerPid);
      // The owner died without cleaning up: the lock is stale.
      unlinkSync(path);
    }
  }
  throw new Error(`Could not take the lock ${path} for the embedded database.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
