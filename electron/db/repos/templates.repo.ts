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

export interface RewardStepDef {
  /** The stamp count on the card at which this reward is earned (the goal, or a milestone before it). */
  stamps: number;
  title: string;
  imageId: string | null;
}

/** The reward steps of one template version, by stamps, as the cloud's Card Designer made them. */
export function listRewardSteps(db: Db, templateId: number, version: number): RewardStepDef[] {
  return db
    .prepare('SELECT stamps, title, image_id AS imageId FROM template_rewards WHERE template_id = ? AND version = ? ORDER BY stamps')
    .all(templateId, version) as RewardStepDef[];
}
