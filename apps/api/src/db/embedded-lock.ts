import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";

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

/**
 * Takes the lock, or throws EmbeddedDatabaseInUseError naming the process that holds it. Safe
 * when several processes start at once, also on a stale lock:
 *
 * - a lock is created whole: written to a file of our own, then hard-linked into place, which
 *   fails if a lock is there, so nobody ever reads a half-written (empty) lock;
 * - a stale lock is taken away by renaming it to a name of our own, which only one process can
 *   do to one file, and then checking that what we took is the stale lock we read; if another
 *   process had already replaced it with its own live lock, that lock is linked back.
 */
export function acquireEmbeddedLock(dataDir: string): EmbeddedLock {
  const path = lockPathFor(dataDir);
  const mine = `${path}.${process.pid}`;
  writeFileSync(mine, ownerLine(process.pid));
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        linkSync(mine, path);
        return heldLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const seen = readOwner(path);
      if (seen === undefined) continue; // released meanwhile: try again
      if (holds(seen)) throw new EmbeddedDatabaseInUseError(dataDir, seen.pid);
      // The owner died without cleaning up: take the stale lock away, if it is still that one.
      const taken = `${path}.stale.${process.pid}`;
      try {
        renameSync(path, taken);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // another process took it first
        throw error;
      }
      if (readOwner(taken)?.line !== seen.line) {
        // We took another process's fresh lock: give it back before anyone else can take the place.
        try {
          linkSync(taken, path);
        } catch {
          // Someone took the place meanwhile; their lock stands and ours will be refused.
        }
      }
      unlinkSync(taken);
    }
    throw new Error(`Could not take the lock ${path} for the embedded database.`);
  } finally {
    unlinkSync(mine);
  }
}

function heldLock(path: string): EmbeddedLock {
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      try {
        if (readOwner(path)?.line === ownerLine(process.pid)) unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}

interface Owner {
  pid: number;
  /** When that process started (Linux: since boot, and which boot), if the lock says so. */
  started: string | undefined;
  line: string;
}

/**
 * What a lock says of its owner: the pid and when that process started. A pid alone is not
 * enough: in a container the server is always process 1, so after a crash the restarted server
 * found "its own" pid in the lock and could never start again; a pid reused by another program
 * looked alive too.
 */
function ownerLine(pid: number): string {
  const started = startOf(pid);
  return started ? `${pid} ${started}` : String(pid);
}

/** A process's start as "<boot id>/<start time in clock ticks>", from /proc; undefined where there is none. */
function startOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    return `${boot}/${fields[19]}`;
  } catch {
    return undefined;
  }
}

/** Whether the lock's owner is a live process, and the same one that wrote it. */
function holds(owner: Owner): boolean {
  if (owner.started !== undefined) return startOf(owner.pid) === owner.started;
  // An old lock without a start time: the pid alone, as before (our own pid is never stale).
  return owner.pid === process.pid || isRunning(owner.pid);
}

/** The owner in a lock file; undefined when there is no lock. A lock that names no pid is treated as stale. */
function readOwner(path: string): Owner | undefined {
  try {
    const line = readFileSync(path, "utf8").trim();
    const [pidText = "", started] = line.split(" ");
    const pid = Number.parseInt(pidText, 10);
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : 0, started, line };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function isRunning(pid: number): boolean {
  if (pid === 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
