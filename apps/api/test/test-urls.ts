/** What global-setup.ts hands every test file. */
declare module "vitest" {
  export interface ProvidedContext {
    embeddedTemplates: { empty: string; demo: string };
    postgresAdminUrl: string;
  }
}

/** Names of the PostgreSQL template databases the test files copy. */
export const POSTGRES_TEMPLATES = { empty: "revita_template_empty", demo: "revita_template_demo" } as const;

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
