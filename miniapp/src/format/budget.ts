// 拟投入合作经费 is stored in 万元 (up to 4 decimals); 0 means the enterprise left it open (面议).

const NEGOTIABLE = '面议';

function trimDecimals(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

function groupThousands(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** For cards: 面议, 80万元, 12.5万元, 1.2亿元. */
export function formatBudget(wan: number | undefined): string {
  if (wan === undefined || !Number.isFinite(wan) || wan <= 0) return NEGOTIABLE;
  if (wan >= 10_000) return `${trimDecimals(wan / 10_000, 2)}亿元`;
  return `${trimDecimals(wan, 4)}万元`;
}

/** For the detail row whose label already says （万元）: 面议, 80, 15,000. */
export function formatBudgetAmount(wan: number | undefined): string {
  if (wan === undefined || !Number.isFinite(wan) || wan <= 0) return NEGOTIABLE;
  return groupThousands(trimDecimals(wan, 4));
}

/** For a minimum in an alert explanation: 经费不低于 50 万元. */
export function formatMinBudget(wan: number): string {
  return wan >= 10_000 ? `${trimDecimals(wan / 10_000, 2)}亿元` : `${trimDecimals(wan, 4)}万元`;
}
