-- bench/basket.sql: basket-orders' year of totals and invoices, in SQL, for
-- bench/basket.sh. Run by sqlite3 in a folder of basket-orders CSV files
-- (bench/gen-basket.c's), after bench/basket.sh has imported each file
-- with `.import --csv FILE.csv TABLE` and set the year in table bench(y).
--
-- The rules (as cmd/basket-orders/engine.c): a distribution each Monday of
-- the year not covered by a closure; a subscription is due when the
-- calendar weeks since its start are a multiple of every; one-off orders
-- replace the subscribed quantity for the day or add a line (the last row
-- for a date, member and product wins; 0 cancels); absence policy skip;
-- the price in force on the day (the latest valid_from not after it);
-- amount = quantity (thousandths) x price (cents), rounded half up.
-- Not expressed here (bench/gen-basket.c does not generate them): shared
-- baskets, moved distributions, the policies lost and donate.
--
-- Output: two CSV blocks, "totals" rows product,quantity_thousandths,cents
-- and "invoice" rows month,member,cents.

CREATE TEMP TABLE days AS
WITH RECURSIVE c(d) AS (
	SELECT (SELECT y FROM bench) || '-01-01'
	UNION ALL
	SELECT date(d, '+1 day') FROM c WHERE d < (SELECT y FROM bench) || '-12-31')
SELECT d,
	-- calendar week number: the Monday of d's week, in days since 1970, / 7
	(CAST(julianday(d) - 2440587.5 AS INTEGER) - (CAST(strftime('%w', d) AS INTEGER) + 6) % 7) / 7 AS wk
FROM c;
CREATE UNIQUE INDEX days_d ON days(d);

CREATE TEMP TABLE held AS
SELECT d, wk FROM days
WHERE strftime('%w', d) = '1'
  AND NOT EXISTS (SELECT 1 FROM closures c
	WHERE c."from" <= d AND d <= coalesce(nullif(c."to", ''), c."from"));

CREATE TEMP TABLE subs AS
SELECT s.member, s.product,
	CAST(round(CAST(replace(coalesce(nullif(s.quantity, ''), '1'), ',', '.') AS REAL) * 1000) AS INTEGER) AS qty,
	s."from" AS f, coalesce(nullif(s."to", ''), '9999-12-31') AS t,
	CAST(coalesce(nullif(s.every, ''), '1') AS INTEGER) AS every,
	(SELECT wk FROM days WHERE d = s."from") AS fwk
FROM subscriptions s;

CREATE TEMP TABLE sublines AS
SELECT h.d, s.member, s.product, sum(s.qty) AS qty
FROM held h JOIN subs s ON s.f <= h.d AND h.d <= s.t AND (h.wk - s.fwk) % s.every = 0
GROUP BY h.d, s.member, s.product;

CREATE TEMP TABLE lastorders AS
SELECT o.date AS d, o.member, o.product,
	CAST(round(CAST(replace(o.quantity, ',', '.') AS REAL) * 1000) AS INTEGER) AS qty
FROM orders o
JOIN (SELECT max(rowid) AS r FROM orders GROUP BY date, member, product) l ON o.rowid = l.r
WHERE o.date IN (SELECT d FROM held);

CREATE UNIQUE INDEX lastorders_key ON lastorders(d, member, product);

CREATE TEMP TABLE prices AS
SELECT product, coalesce(nullif(valid_from, ''), '0000-00-00') AS vf,
	CAST(replace(replace(replace(price, ',', ''), '.', ''), ' ', '') AS INTEGER) AS cents
FROM products;

-- What a user of sqlite3 would add: without these two, each line scans
-- every absence and every price.
CREATE INDEX absences_member ON absences(member);
CREATE INDEX prices_product ON prices(product, vf);

CREATE TEMP TABLE lines AS
WITH l AS (
	SELECT d, member, product, qty FROM sublines s
	WHERE NOT EXISTS (SELECT 1 FROM lastorders o
		WHERE o.d = s.d AND o.member = s.member AND o.product = s.product)
	UNION ALL
	SELECT d, member, product, qty FROM lastorders)
SELECT l.d, l.member, l.product, l.qty,
	(l.qty * (SELECT cents FROM prices p WHERE p.product = l.product AND p.vf <= l.d
		ORDER BY p.vf DESC LIMIT 1) + 500) / 1000 AS amount
FROM l
WHERE l.qty > 0
  AND NOT EXISTS (SELECT 1 FROM absences a WHERE a.member = l.member
	AND a."from" <= l.d AND l.d <= coalesce(nullif(a."to", ''), a."from"));

SELECT 'totals', product, sum(qty), sum(amount) FROM lines GROUP BY product ORDER BY product;
SELECT 'invoice', substr(d, 1, 7), member, sum(amount) FROM lines
GROUP BY substr(d, 1, 7), member ORDER BY 2, 3;
