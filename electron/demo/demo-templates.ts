/** The demo shop's stamp-card templates: several versions each, milestone rewards with images. */
export interface DemoTemplate {
  id: number;
  name: string;
  versions: number;
  goal: number;
  rewards: ReadonlyArray<{ stamps: number; title: string; color: readonly [number, number, number] }>;
  /** Share of the demo cards on this template. */
  weight: number;
}

export const DEMO_TEMPLATES: readonly DemoTemplate[] = [
  {
    id: 1024,
    name: 'Coffee Club',
    versions: 3,
    goal: 8,
    weight: 0.4,
    rewards: [
      { stamps: 4, title: 'Free pastry', color: [214, 140, 69] },
      { stamps: 8, title: 'Free coffee', color: [111, 78, 55] },
    ],
  },
  {
    id: 2048,
    name: 'Bakery Treats',
    versions: 2,
    goal: 10,
    weight: 0.25,
    rewards: [
      { stamps: 5, title: 'Half-price croissant', color: [232, 185, 35] },
      { stamps: 10, title: 'Free loaf', color: [176, 112, 48] },
    ],
  },
  {
    id: 3072,
    name: 'Smoothie Stars',
    versions: 1,
    goal: 6,
    weight: 0.15,
    rewards: [{ stamps: 6, title: 'Free smoothie', color: [219, 68, 118] }],
  },
  {
    id: 4096,
    name: 'Noodle Passport',
    versions: 10,
    goal: 12,
    weight: 0.2,
    rewards: [
      { stamps: 6, title: 'Free spring rolls', color: [46, 139, 87] },
      { stamps: 12, title: 'Free noodle bowl', color: [200, 60, 40] },
    ],
  },
];
