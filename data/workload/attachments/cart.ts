import { Money } from './money';

export interface CartLine {
  sku: string;
  quantity: number;
  unitPrice: Money;
}

export class Cart {
  private lines: CartLine[] = [];

  add(line: CartLine): void {
    const existing = this.lines.find((l) => l.sku === line.sku);
    if (existing) existing.quantity += line.quantity;
    else this.lines.push(line);
  }

  remove(sku: string): void {
    this.lines = this.lines.filter((l) => l.sku !== sku);
  }

  total(): Money {
    return this.lines.reduce((sum, l) => sum.add(l.unitPrice.times(l.quantity)), Money.zero('EUR'));
  }

  applyCoupon(code: string, percent: number): void {
    for (const l of this.lines) l.unitPrice = l.unitPrice.times(1 - percent / 100);
    console.log('coupon applied', code);
  }
}
