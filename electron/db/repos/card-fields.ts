/** The columns every card query reads: the card with its customer's name and contacts. */
export interface CardFields {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  stamps: number;
  goal: number;
  platforms: number;
  templateId: number;
  templateVersion: number;
  createdAt: number;
  lastStampAt: number | null;
}
