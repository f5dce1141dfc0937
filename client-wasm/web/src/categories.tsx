/** Document categories (docs/formats.md) with simple inline SVG icons (24×24, stroked). */

export const CATEGORIES = [
  'identity', 'social_aid', 'health', 'housing', 'income',
  'work', 'children', 'my_story', 'contacts', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(c: unknown): c is Category {
  return typeof c === 'string' && (CATEGORIES as readonly string[]).includes(c);
}

const PATHS: Record<Category, string> = {
  // an identity card: frame, a head and lines
  identity: 'M3 5h18v14H3z M8.5 10.5a2 2 0 1 0 0.01 0 M5.5 16c.8-2 5.2-2 6 0 M14 9h4 M14 12h4 M14 15h3',
  // a helping hand holding a heart
  social_aid: 'M12 11.5c-2-2.5-5-1-3.5 1.5L12 16l3.5-3c1.5-2.5-1.5-4-3.5-1.5z M2 18h4l3 2h8l5-4-1.5-1.5L16 17h-5',
  // a medical cross
  health: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
  // a house
  housing: 'M3 11l9-7 9 7 M5 9.5V20h14V9.5 M10 20v-6h4v6',
  // a coin and a banknote
  income: 'M2 7h15v10H2z M9.5 12a2 2 0 1 0 .01 0 M19 9h3v10H6v-2',
  // a briefcase
  work: 'M3 8h18v11H3z M9 8V5h6v3 M3 13h18',
  // a child: head and body
  children: 'M12 4.5a2.5 2.5 0 1 0 .01 0 M8 10h8 M12 10v6 M12 16l-3 4 M12 16l3 4 M8 10l-2 4 M16 10l2 4',
  // an open notebook with a pen
  my_story: 'M4 4h11v16H4z M7 8h5 M7 11h5 M7 14h3 M18 4l2 2-6 10-2.5.5.5-2.5z',
  // an address book: person and list
  contacts: 'M5 3h14v18H5z M12 7.5a2 2 0 1 0 .01 0 M8.5 14c.8-2.5 6.2-2.5 7 0 M9 17h6',
  // a folder
  other: 'M3 6h6l2 2h10v11H3z',
};

export function CategoryIcon({ category, size = 32 }: { category: Category; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[category]} />
    </svg>
  );
}
