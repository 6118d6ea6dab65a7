import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';
import { templateVersions } from './templates';

/**
 * A customer's stamp card. `id` is the public card number (6 digits or more); `token` is the
 * unguessable value its QR code holds. Deleted cards keep their row for audit.
 */
export const cards = sqliteTable(
  'cards',
  {
    id: integer('id').primaryKey(),
    token: text('token').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    templateId: integer('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    stamps: integer('stamps').notNull().default(0),
    goal: integer('goal').notNull(),
    /** Bit set of wallets: web = 1, apple = 2, google = 4. */
    platforms: integer('platforms').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    lastStampAt: integer('last_stamp_at'),
    deletedAt: integer('deleted_at'),
    deletedBy: text('deleted_by'),
  },
  (table) => [
    foreignKey({
      columns: [table.templateId, table.templateVersion],
      foreignColumns: [templateVersions.templateId, templateVersions.version],
    }),
    /** Cards of a customer; with deleted_at it answers "live cards of these customers" from the index alone. */
    index('cards_customer_idx').on(table.customerId, table.deletedAt),
    /** Live cards by creation: counts and the default list order read this small index. */
    index('cards_live_created_idx').on(table.createdAt).where(sql`deleted_at IS NULL`),
    /**
     * Tokens by lower(token): a token typed through a Korean keyboard layout loses most letters' case, so
     * the scan finds it case-insensitively here and checks the letters whose case is known (GLOB).
     */
    index('cards_token_lower_idx').on(sql`lower(${table.token})`),
  ],
);
