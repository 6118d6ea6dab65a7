import type { Db } from '../client';

export interface TemplateVersionRow {
  id: number;
  name: string;
  version: number;
  goal: number;
}

export function listTemplateVersions(db: Db): TemplateVersionRow[] {
  return db
    .prepare(
      `SELECT t.id, t.name, v.version, v.goal FROM card_templates t JOIN template_versions v ON v.template_id = t.id
       ORDER BY t.name COLLATE NOCASE, t.id, v.version`,
    )
    .all() as TemplateVersionRow[];
}
