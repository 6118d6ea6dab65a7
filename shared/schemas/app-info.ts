export interface AppInfo {
  /** The application version from package.json. */
  version: string;
  /** The folder holding the database and images. */
  dataDir: string;
  /** How many database migrations have been applied. */
  schemaVersion: number;
  /** Cards that are not deleted. */
  cards: number;
  vouchers: number;
}

/** What demo.load put into the empty shop. */
export interface DemoLoaded {
  cards: number;
  vouchers: number;
}

/** How many demo cards demo.load (and `npm run web -- --demo`) puts into an empty shop. */
export const DEMO_CARDS = 500;
