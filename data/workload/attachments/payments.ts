import { db } from './db';
import { stripe } from './stripe';

export async function chargeOrder(orderId: string): Promise<void> {
  const order = await db.orders.find(orderId);
  if (order.status === 'paid') return;
  const charge = await stripe.charges.create({ amount: order.totalCents, currency: 'eur', source: order.cardToken });
  await db.orders.update(orderId, { status: 'paid', chargeId: charge.id });
  await db.ledger.insert({ orderId, amountCents: order.totalCents, kind: 'charge' });
}

export async function handleWebhook(event: { type: string; data: { object: { id: string; metadata: { orderId: string } } } }) {
  if (event.type === 'charge.refunded') {
    await db.orders.update(event.data.object.metadata.orderId, { status: 'refunded' });
  }
}
