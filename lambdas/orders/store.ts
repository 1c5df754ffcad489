/**
 * The order store both order handlers (v1, v2) build on: an in-memory list with a price catalog,
 * plus validation of a new order. Each handler owns its own store instance, as two deployed
 * Lambda functions would.
 */
import { BadRequestError, NotFoundError } from '../shared/http';
import { asObject, optionalString, requiredInteger, requiredString } from '../shared/validate';

export interface OrderItem {
  readonly sku: string;
  readonly quantity: number;
}

export type OrderStatus = 'placed' | 'cancelled';

export interface Order {
  readonly id: string;
  readonly userId: string;
  readonly items: readonly OrderItem[];
  readonly status: OrderStatus;
  /** ISO 8601. */
  readonly createdAt: string;
}

export interface NewOrder {
  readonly userId: string;
  readonly items: readonly OrderItem[];
}

/** Unit prices in cents, so totals never suffer from floating-point rounding. */
export const CATALOG: Readonly<Record<string, { readonly name: string; readonly unitPriceCents: number }>> = {
  'BOOK-001': { name: 'Notes on the Analytical Engine', unitPriceCents: 1999 },
  'MUG-042': { name: 'Portico mug', unitPriceCents: 1250 },
  'PEN-007': { name: 'Fountain pen', unitPriceCents: 4500 },
};

export const MAX_ITEMS = 50;
export const MAX_QUANTITY = 1000;

const SEED: readonly Order[] = [
  {
    id: 'o-1',
    userId: 'u-1',
    items: [{ sku: 'BOOK-001', quantity: 1 }],
    status: 'placed',
    createdAt: '2024-06-01T09:00:00.000Z',
  },
  {
    id: 'o-2',
    userId: 'u-2',
    items: [{ sku: 'MUG-042', quantity: 2 }],
    status: 'placed',
    createdAt: '2024-06-02T10:30:00.000Z',
  },
  {
    id: 'o-3',
    userId: 'u-1',
    items: [
      { sku: 'PEN-007', quantity: 1 },
      { sku: 'MUG-042', quantity: 1 },
    ],
    status: 'placed',
    createdAt: '2024-06-03T14:15:00.000Z',
  },
];

export interface ListOptions {
  readonly userId?: string;
  readonly status?: OrderStatus;
  /** Only orders created after this one (a pagination cursor); unknown ids are a 400. */
  readonly after?: string;
}

export class OrderStore {
  /** Insertion order is creation order; pagination cursors rely on it. */
  private readonly orders = new Map<string, Order>();
  private nextId: number;

  constructor(
    seed: readonly Order[] = SEED,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const order of seed) this.orders.set(order.id, order);
    this.nextId = seed.length + 1;
  }

  list(options: ListOptions = {}): Order[] {
    let all = [...this.orders.values()];
    if (options.after !== undefined) {
      const index = all.findIndex((order) => order.id === options.after);
      if (index < 0) throw new BadRequestError('cursor does not point at a known order');
      all = all.slice(index + 1);
    }
    return all.filter(
      (order) =>
        (options.userId === undefined || order.userId === options.userId) &&
        (options.status === undefined || order.status === options.status),
    );
  }

  get(id: string): Order {
    const order = this.orders.get(id);
    if (!order) throw new NotFoundError(`Order ${id} not found`);
    return order;
  }

  place(input: NewOrder): Order {
    const order: Order = {
      id: `o-${this.nextId++}`,
      userId: input.userId,
      items: input.items,
      status: 'placed',
      createdAt: this.now().toISOString(),
    };
    this.orders.set(order.id, order);
    return order;
  }

  /** Cancelling is idempotent: a cancelled order stays cancelled. */
  cancel(id: string): Order {
    const order = this.get(id);
    if (order.status === 'cancelled') return order;
    const cancelled: Order = { ...order, status: 'cancelled' };
    this.orders.set(id, cancelled);
    return cancelled;
  }
}

export function totalCents(items: readonly OrderItem[]): number {
  return items.reduce((sum, item) => sum + CATALOG[item.sku].unitPriceCents * item.quantity, 0);
}

/** Validates `{userId?, items: [{sku, quantity}]}`; `userId` defaults to the caller. */
export function parseNewOrder(body: unknown, callerId: string): NewOrder {
  const input = asObject(body, 'Request body');
  const userId = optionalString(input, 'userId', { maxLength: 64 }) ?? callerId;
  const rawItems = input.items;
  if (!Array.isArray(rawItems) || rawItems.length === 0) {
    throw new BadRequestError('items must be a non-empty array of {sku, quantity}');
  }
  if (rawItems.length > MAX_ITEMS) throw new BadRequestError(`items must have at most ${MAX_ITEMS} entries`);
  const items = rawItems.map((raw, index) => {
    const item = asObject(raw, `items[${index}]`);
    const sku = requiredString(item, 'sku', { maxLength: 32 });
    if (!Object.hasOwn(CATALOG, sku)) throw new BadRequestError(`items[${index}].sku ${sku} is not in the catalog`);
    const quantity = requiredInteger(item, 'quantity', 1, MAX_QUANTITY);
    return { sku, quantity };
  });
  return { userId, items };
}
