import type { Db } from '../client';

export interface ImageRecord {
  id: string;
  mime: string;
  width: number;
  height: number;
  bytes: Buffer;
  createdAt: number;
}

/** Stores an image once: a second insert of the same content hash is a no-op. */
export function insertImage(db: Db, image: ImageRecord): void {
  db
    .prepare(
      `INSERT INTO images (id, mime, width, height, byte_size, bytes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    )
    .run(image.id, image.mime, image.width, image.height, image.bytes.length, image.bytes, image.createdAt);
}
