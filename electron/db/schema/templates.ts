import { foreignKey, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { images } from './images';

/** A stamp-card template ("Stamp Card ID"), as designed in the cloud's Card Designer. */
export const cardTemplates = sqliteTable('card_templates', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** Each regeneration of a template is a new version; a card stays on the version it was issued under. */
export const templateVersions = sqliteTable(
  'template_versions',
  {
    templateId: integer('template_id')
      .notNull()
      .references(() => cardTemplates.id),
    version: integer('version').notNull(),
    goal: integer('goal').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.templateId, table.version] })],
);

/** Milestone rewards of one template version: reached at `stamps` stamps. */
export const templateRewards = sqliteTable(
  'template_rewards',
  {
    templateId: integer('template_id').notNull(),
    version: integer('version').notNull(),
    stamps: integer('stamps').notNull(),
    title: text('title').notNull(),
    imageId: text('image_id').references(() => images.id),
  },
  (table) => [
    primaryKey({ columns: [table.templateId, table.version, table.stamps] }),
    foreignKey({
      columns: [table.templateId, table.version],
      foreignColumns: [templateVersions.templateId, templateVersions.version],
    }),
  ],
);
