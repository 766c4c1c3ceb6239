-- migrate: add customer lookups
ALTER TABLE orders ADD COLUMN customer_email TEXT;
UPDATE orders SET customer_email = (SELECT email FROM customers WHERE customers.id = orders.customer_id);
CREATE INDEX orders_customer_email ON orders (customer_email);
ALTER TABLE orders ALTER COLUMN customer_email SET NOT NULL;
