-- TagGraph demo source data: deterministic extracts of every table of the demo catalogue.
-- Run in a fresh DuckDB after `SET VARIABLE customers = N;`. Creates schemas S1..S5 whose tables and
-- columns are exactly the catalogue's (tag-library.json sourceSystems); all helpers are TEMP and dropped.
-- Pseudo-randomness is hash(id, salt): the same N always gives the same data (no random()).
-- Generation order: customer attributes (kept consistent with each other), then behaviour.
-- The extract ends on 2026-06-30. Billing follows the marketing system's convention: RCVBL_YM/AMT_YM is the
-- month a bill is issued, for the previous calendar month's consumption, due on the 25th of RCVBL_YM.
-- Statements are separated by a semicolon at the end of a line; no semicolon appears inside text.
CREATE SCHEMA IF NOT EXISTS S1;
CREATE SCHEMA IF NOT EXISTS S2;
CREATE SCHEMA IF NOT EXISTS S3;
CREATE SCHEMA IF NOT EXISTS S4;
CREATE SCHEMA IF NOT EXISTS S5;
-- uniform [0, 1) from an id and a salt
CREATE OR REPLACE TEMP MACRO u(i, s) AS (hash(i, s) % 1000003) / 1000003.0;
CREATE OR REPLACE TEMP MACRO u3(i, d, s) AS (hash(i, d, s) % 1000003) / 1000003.0;
CREATE OR REPLACE TEMP MACRO pick(r, l) AS l[least(len(l), 1 + floor(r * len(l))::INT)];
-- Hangzhou districts (GB/T 2260), weight in %, centre, share urban / special remote
CREATE OR REPLACE TEMP TABLE area AS
SELECT *, (sum(w) OVER (ORDER BY k) - w) / 100.0 AS lo, sum(w) OVER (ORDER BY k) / 100.0 AS hi
FROM (VALUES (1, '330102', '上城', 10, 120.17, 30.25, 0.98, 0.0), (2, '330105', '拱墅', 10, 120.14, 30.32, 0.98, 0.0),
	(3, '330106', '西湖', 9, 120.13, 30.26, 0.90, 0.0), (4, '330108', '滨江', 6, 120.21, 30.21, 0.98, 0.0),
	(5, '330109', '萧山', 12, 120.27, 30.16, 0.60, 0.0), (6, '330110', '余杭', 10, 119.98, 30.27, 0.65, 0.0),
	(7, '330111', '富阳', 7, 119.96, 30.05, 0.45, 0.0), (8, '330112', '临安', 6, 119.72, 30.23, 0.40, 0.02),
	(9, '330113', '临平', 7, 120.30, 30.42, 0.60, 0.0), (10, '330114', '钱塘', 6, 120.49, 30.30, 0.70, 0.0),
	(11, '330122', '桐庐', 6, 119.69, 29.80, 0.30, 0.04), (12, '330127', '淳安', 6, 119.04, 29.61, 0.20, 0.15),
	(13, '330182', '建德', 5, 119.28, 29.47, 0.30, 0.05)) t(k, code, name, w, lng, lat, urban, remote);
-- industries (GB/T 4754-2017 小类) for non-residential customers: weight among low-voltage and high-voltage
-- customers, how the load behaves, and the high-energy-consuming industry code where it applies
CREATE OR REPLACE TEMP TABLE ind AS
SELECT *, (sum(w_low) OVER (ORDER BY k) - w_low) / sum(w_low) OVER () AS lo_low,
	sum(w_low) OVER (ORDER BY k) / sum(w_low) OVER () AS hi_low,
	(sum(w_hv) OVER (ORDER BY k) - w_hv) / sum(w_hv) OVER () AS lo_hv, sum(w_hv) OVER (ORDER BY k) / sum(w_hv) OVER () AS hi_hv
FROM (VALUES (1, '0111', '农业', 'agri', 6, 2, NULL), (2, '0610', '煤业', 'ind', 0, 2, NULL),
	(3, '1311', '粮油', 'ind', 2, 3, NULL), (4, '1713', '纺织', 'ind', 2, 6, NULL), (5, '2511', '石化', 'ind', 0, 2, '01'),
	(6, '2614', '化工', 'ind', 0, 4, '02'), (7, '3011', '水泥', 'ind', 0, 3, '03'), (8, '3120', '钢铁', 'ind', 0, 3, '04'),
	(9, '3216', '铝业', 'ind', 0, 2, '05'), (10, '3311', '钢构', 'ind', 2, 5, NULL), (11, '3670', '汽配', 'ind', 1, 7, NULL),
	(12, '3982', '电子', 'ind', 1, 6, NULL), (13, '4411', '热电', 'cont', 0, 2, '06'), (14, '4610', '水务', 'cont', 1, 2, NULL),
	(15, '4710', '建设', 'office', 3, 2, NULL), (16, '5211', '商贸', 'shop', 22, 5, NULL),
	(17, '5412', '运输', 'office', 2, 3, NULL), (18, '6110', '酒店', 'cont', 3, 4, NULL), (19, '6210', '餐饮', 'food', 15, 1, NULL),
	(20, '6312', '通信', 'cont', 3, 1, NULL), (21, '6450', '数据', 'cont', 0, 3, NULL), (22, '6621', '银行', 'office', 3, 2, NULL),
	(23, '7010', '置业', 'office', 4, 5, NULL), (24, '7212', '商务', 'office', 5, 2, NULL), (25, '7320', '科技', 'office', 1, 2, NULL),
	(26, '7810', '市政', 'office', 2, 3, NULL), (27, '8010', '家政', 'shop', 10, 0, NULL), (28, '8331', '小学', 'school', 3, 4, NULL),
	(29, '8411', '医院', 'cont', 2, 4, NULL), (30, '9011', '娱乐', 'food', 4, 1, NULL), (31, '9221', '政务', 'office', 4, 3, NULL))
	t(k, trade, word, kind, w_low, w_hv, hec);
-- daily load shapes, by hour; expanded to 96 points with mean 1
CREATE OR REPLACE TEMP TABLE shape AS
SELECT name, list_transform(range(96), lambda k: h[k // 4 + 1] / list_avg(h)) AS p,
	list_max(h) / list_avg(h) AS peak,
	(list_sum(h[1:8]) + list_sum(h[23:24])) / list_sum(h) AS valley,
	list_sum(h[20:21]) / list_sum(h) AS sharp, (list_sum(h[9:11]) + list_sum(h[14:19]) + h[22]) / list_sum(h) AS high
FROM (VALUES ('res', [0.5, 0.4, 0.4, 0.4, 0.4, 0.5, 0.8, 1.1, 0.9, 0.7, 0.7, 0.8, 0.9, 0.8, 0.7, 0.7, 0.8, 1.2, 1.8, 2.2, 2.1, 1.8, 1.3, 0.8]),
	('resnight', [2.2, 2.2, 2.0, 1.8, 1.5, 1.2, 0.8, 0.7, 0.5, 0.4, 0.4, 0.4, 0.5, 0.4, 0.4, 0.4, 0.5, 0.7, 1.0, 1.2, 1.2, 1.3, 2.0, 2.2]),
	('resday', [0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 1.0, 1.6, 1.8, 1.8, 1.8, 1.7, 1.7, 1.8, 1.8, 1.6, 1.3, 1.1, 1.0, 0.8, 0.6, 0.4, 0.3]),
	('day', [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.4, 0.9, 1.9, 2.1, 2.1, 2.0, 1.6, 2.0, 2.1, 2.1, 1.9, 1.2, 0.6, 0.4, 0.3, 0.3, 0.2, 0.2]),
	('eve', [0.3, 0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.4, 0.6, 0.9, 1.4, 1.8, 1.6, 1.0, 0.9, 1.0, 1.3, 1.8, 2.0, 1.9, 1.6, 1.2, 0.7, 0.4]),
	('two', [0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 1.1, 1.3, 1.4, 1.4, 1.4, 1.3, 1.2, 1.4, 1.4, 1.4, 1.4, 1.3, 1.3, 1.3, 1.2, 1.1, 0.5, 0.3]),
	('flat', [0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 1.0, 1.0, 1.05, 1.05, 1.05, 1.05, 1.0, 1.05, 1.05, 1.05, 1.05, 1.0, 1.0, 1.0, 1.0, 0.95, 0.95, 0.95]),
	('night', [1.8, 1.8, 1.8, 1.8, 1.8, 1.7, 1.2, 0.7, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, 0.8, 1.0, 1.4, 1.8, 1.8]))
	t(name, h);
-- 1. customer attributes ------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE g0 AS
SELECT b.*, a.code AS area_code, a.name AS area_name, a.lng AS a_lng, a.lat AS a_lat, a.k AS area_k, a.w AS area_w,
	CASE WHEN u(i, 'ur') < a.remote THEN '03' WHEN u(i, 'ur') < a.remote + a.urban THEN '01' ELSE '02' END AS urban
FROM (SELECT i, printf('33%08d', i + 1) AS cons_no,
		CASE WHEN u(i, 'sort') < 0.03 THEN '01' WHEN u(i, 'sort') < 0.18 THEN '02' ELSE '03' END AS sort
	FROM range(getvariable('customers')) t(i)) b
JOIN area a ON u(b.i, 'area') >= a.lo AND u(b.i, 'area') < a.hi;
CREATE OR REPLACE TEMP TABLE g1 AS
SELECT g0.*, ind.trade, ind.word, ind.kind, ind.hec,
	CASE WHEN sort = '03' THEN CASE WHEN u(i, 'volt') < 0.92 THEN 'AC02202' ELSE 'AC03802' END
		WHEN sort = '02' THEN CASE WHEN u(i, 'volt') < 0.45 THEN 'AC02202' ELSE 'AC03802' END
		WHEN u(i, 'volt') < 0.70 THEN 'AC00101' WHEN u(i, 'volt') < 0.78 THEN 'AC00201'
		WHEN u(i, 'volt') < 0.79 THEN 'AC02751' WHEN u(i, 'volt') < 0.90 THEN 'AC00351' WHEN u(i, 'volt') < 0.98 THEN 'AC01101'
		ELSE 'AC02201' END AS volt
FROM g0 LEFT JOIN ind ON g0.sort <> '03'
	AND u(g0.i, 'ind') >= CASE WHEN g0.sort = '01' THEN ind.lo_hv ELSE ind.lo_low END
	AND u(g0.i, 'ind') < CASE WHEN g0.sort = '01' THEN ind.hi_hv ELSE ind.hi_low END;
CREATE OR REPLACE TEMP TABLE g2 AS
SELECT *,
	CASE WHEN sort = '03' THEN NULL
		WHEN sort = '02' THEN 3 + floor(95 * u(i, 'cap') ^ 2)
		WHEN volt IN ('AC00101', 'AC00201') THEN round(exp(ln(100) + u(i, 'cap') ^ 1.3 * (ln(8000) - ln(100))) / 5) * 5
		WHEN volt IN ('AC02751', 'AC00351') THEN round(exp(ln(2000) + u(i, 'cap') * (ln(31500) - ln(2000))) / 50) * 50
		ELSE round(exp(ln(12500) + u(i, 'cap') * (ln(150000) - ln(12500))) / 500) * 500 END AS cap,
	CASE WHEN sort = '03' THEN CASE WHEN u(i, 'rtype') < 0.025 THEN 'vacant' WHEN u(i, 'rtype') < 0.065 THEN 'heat'
			WHEN u(i, 'rtype') < 0.115 THEN 'ev' WHEN u(i, 'rtype') < 0.145 THEN 'night' WHEN u(i, 'rtype') < 0.175 THEN 'day'
			ELSE 'normal' END END AS rtype,
	CASE WHEN kind = 'ind' THEN CASE WHEN u(i, 'shift') < 0.3 THEN '1' WHEN u(i, 'shift') < 0.55 THEN '2'
			WHEN u(i, 'shift') < 0.7 THEN '3' ELSE '4' END
		WHEN kind = 'cont' THEN '4' WHEN sort <> '03' THEN '1' END AS shift,
	CASE WHEN sort <> '01' THEN '05' WHEN u(i, 'rrio') < 0.02 THEN '01' WHEN u(i, 'rrio') < 0.10 THEN '02'
		WHEN u(i, 'rrio') < 0.25 THEN '03' WHEN u(i, 'rrio') < 0.26 THEN '04' ELSE '05' END AS rrio,
	CASE WHEN u(i, 'age') < 0.025 THEN DATE '2026-06-30' - (35 + floor(325 * u(i, 'age2')))::INT
		WHEN u(i, 'age') < 0.45 THEN DATE '2026-06-30' - (366 + floor(3285 * u(i, 'age2')))::INT
		ELSE DATE '2026-06-30' - (3660 + floor(9000 * u(i, 'age2')))::INT END AS ps_date
FROM g1;
-- tariff, supply and behaviour parameters
CREATE OR REPLACE TEMP TABLE g3 AS
SELECT *,
	CASE WHEN sort = '03' THEN CASE WHEN urban = '01' THEN '202' ELSE '201' END
		WHEN kind = 'agri' THEN '300' WHEN kind = 'school' THEN '203'
		WHEN sort = '01' AND u(i, 'oth') < 0.03 THEN '901' WHEN sort = '01' AND u(i, 'oth') < 0.045 THEN '500'
		WHEN sort = '01' AND (cap >= 315 OR (cap >= 100 AND u(i, 'twopart') < 0.3)) THEN '100'
		WHEN kind = 'ind' THEN '403' WHEN kind IN ('shop', 'food') THEN '405'
		WHEN u(i, 'light') < 0.15 THEN '401' ELSE '402' END AS elec,
	CASE WHEN sort = '01' AND u(i, 'runcap') < 0.05 THEN round(cap * 0.5) ELSE cap END AS run_cap,
	CASE WHEN sort = '03' THEN CASE rtype WHEN 'night' THEN 'resnight' WHEN 'day' THEN 'resday' ELSE 'res' END
		WHEN kind = 'ind' THEN CASE WHEN u(i, 'nightind') < 0.04 THEN 'night' WHEN shift = '1' THEN 'day' WHEN shift = '2' THEN 'two'
			ELSE 'flat' END
		WHEN kind = 'agri' THEN CASE WHEN u(i, 'nightind') < 0.5 THEN 'night' ELSE 'day' END
		WHEN kind = 'food' THEN 'eve' WHEN kind = 'cont' THEN 'flat' ELSE 'day' END AS shape,
	CASE WHEN sort = '03' THEN 1.05 WHEN kind IN ('shop', 'food') THEN 1.1 WHEN kind IN ('cont', 'agri') THEN 1.0
		WHEN kind IN ('office', 'school') THEN 0.2 + 0.2 * u(i, 'wr')
		WHEN shift = '1' THEN 0.25 + 0.2 * u(i, 'wr') WHEN shift = '2' THEN 0.6 + 0.2 * u(i, 'wr')
		WHEN shift = '3' THEN 0.85 + 0.1 * u(i, 'wr') ELSE 0.95 + 0.1 * u(i, 'wr') END AS wr,
	-- share of the supply capacity reached at the daily peak (high-voltage: some idle, some full, a few over)
	CASE WHEN sort = '03' THEN NULL WHEN sort = '02' THEN 0.1 + 0.5 * u(i, 'util')
		WHEN u(i, 'util') < 0.10 THEN 0.12 + 0.14 * u(i, 'util2') WHEN u(i, 'util') < 0.15 THEN 0.93 + 0.05 * u(i, 'util2')
		WHEN u(i, 'util') < 0.17 THEN 1.06 + 0.06 * u(i, 'util2') ELSE 0.35 + 0.35 * u(i, 'util2') END AS util,
	-- residential weekday kWh: about 80 % within tier 1 (2760 kWh a year), 95 % within tier 2 (4800)
	CASE WHEN sort <> '03' THEN NULL WHEN rtype = 'vacant' THEN 0.03 + 0.07 * u(i, 'kwh')
		WHEN u(i, 'kwh') < 0.80 THEN 1.5 + 6.0 * u(i, 'kwh') / 0.80
		WHEN u(i, 'kwh') < 0.95 THEN 7.7 + 5.2 * (u(i, 'kwh') - 0.80) / 0.15 ELSE 13.5 + 20 * (u(i, 'kwh') - 0.95) / 0.05 END AS res_kwh,
	CASE WHEN u(i, 'yoy') < 0.08 THEN 1.3 + 0.4 * u(i, 'yoy2') WHEN u(i, 'yoy') < 0.14 THEN 0.55 + 0.2 * u(i, 'yoy2')
		ELSE 0.9 + 0.2 * u(i, 'yoy2') END AS yoy,
	CASE WHEN rtype = 'ev' THEN 3.3 + 3.2 * u(i, 'evp') END AS ev_kw,
	CASE WHEN u(i, 'anom') < 0.01 THEN 'drop' WHEN sort <> '03' AND u(i, 'anom') < 0.016 THEN 'zero'
		WHEN sort <> '01' AND rtype IS DISTINCT FROM 'vacant' AND u(i, 'anom') >= 0.016 AND u(i, 'anom') < 0.019 THEN 'theft' END AS anomaly
FROM g2;
CREATE OR REPLACE TEMP TABLE c AS
SELECT g3.*, s.p AS shape_p, s.peak AS shape_peak, s.valley, s.sharp, s.high,
	CASE WHEN sort = '03' THEN res_kwh ELSE util * run_cap * 24 / s.peak END AS base_kwh,
	CASE WHEN elec = '100' OR (elec IN ('500', '901') AND cap >= 315) THEN '01' ELSE '02' END AS prc_st,
	CASE WHEN elec LIKE '20%' AND sort = '03' THEN '1010' WHEN elec = '203' THEN '1030' WHEN elec = '300' THEN '3010'
		WHEN elec = '100' THEN '2020' WHEN elec LIKE '40%' THEN '2010' WHEN elec = '500' THEN '9010' ELSE '9020' END AS prc_code,
	-- paying behaviour; firms in trouble (business registry) pay late or not at all
	CASE WHEN sort <> '03' AND u(i, 'bizab') < 0.04 THEN CASE WHEN u(i, 'bizab2') < 0.5 THEN 'frequent' ELSE 'long' END
		WHEN u(i, 'payer') < 0.78 THEN 'ontime' WHEN u(i, 'payer') < 0.91 THEN 'occasional' WHEN u(i, 'payer') < 0.955 THEN 'frequent'
		WHEN u(i, 'payer') < 0.975 THEN 'current' ELSE 'long' END AS payer,
	CASE WHEN sort = '01' THEN CASE WHEN u(i, 'paych') < 0.65 THEN 'bank' WHEN u(i, 'paych') < 0.85 THEN 'online' ELSE 'counter' END
		WHEN u(i, 'paych') < 0.45 THEN 'online' WHEN u(i, 'paych') < 0.70 THEN 'bank' WHEN u(i, 'paych') < 0.85 THEN 'counter'
		WHEN u(i, 'paych') < 0.90 THEN 'self' ELSE 'mixed' END AS paych,
	CASE WHEN u(i, 'persona') < 0.35 THEN 'online' WHEN u(i, 'persona') < 0.45 THEN 'hotline' WHEN u(i, 'persona') < 0.53 THEN 'counter'
		ELSE 'quiet' END AS persona,
	CASE WHEN volt = 'AC00101' THEN 10 WHEN volt = 'AC00201' THEN 20 WHEN volt = 'AC02751' THEN 27.5
		WHEN volt = 'AC00351' THEN 35 WHEN volt = 'AC01101' THEN 110 WHEN volt = 'AC02201' THEN 220 END AS kv
FROM g3 JOIN shape s ON s.name = g3.shape;
-- grid topology: low-voltage customers hang on public transformer areas (公变台区); high-voltage customers
-- have a private transformer (专变) on a public 10 kV feeder, or a dedicated line (专线, 110 kV and up always)
CREATE OR REPLACE TEMP TABLE topo AS
WITH t AS (
	SELECT i, cons_no, sort, area_code,
		greatest(2, round(getvariable('customers') * area_w / 100.0 * 0.97 / 40))::INT AS n_tg,
		sort = '01' AND (kv >= 110 OR (kv >= 27.5 AND u(i, 'ded') < 0.5) OR (rrio IN ('01', '02') AND u(i, 'ded') < 0.3)) AS dedicated
	FROM c)
SELECT i, cons_no, sort,
	CASE WHEN sort <> '01' THEN 'T' || area_code || lpad(floor(u(i, 'tg') * n_tg)::VARCHAR, 4, '0')
		WHEN NOT dedicated THEN 'Z' || cons_no END AS tg_id,
	CASE WHEN dedicated THEN 'X' || cons_no
		WHEN sort = '01' THEN 'L' || area_code || lpad(floor(u(i, 'hvline') * greatest(1, n_tg // 6))::VARCHAR, 3, '0') END AS hv_line,
	n_tg, area_code, dedicated
FROM t;
CREATE OR REPLACE TEMP TABLE tg AS
SELECT tg_id, min(topo.area_code) AS area_code, min(sort) <> '01' AS public, min(n_tg) AS n_tg,
	bool_or(c.anomaly = 'theft') AS has_theft, min(c.cap) AS cap, min(hv_line) AS hv_line
FROM topo JOIN c USING (i, cons_no, sort)
WHERE tg_id IS NOT NULL
GROUP BY tg_id;
CREATE OR REPLACE TEMP TABLE tg2 AS
SELECT tg_id, public, area_code,
	CASE WHEN public THEN 'L' || area_code || lpad(floor(u(tg_id, 'line') * greatest(1, n_tg // 6))::VARCHAR, 3, '0') ELSE hv_line END AS line_id,
	CASE WHEN public THEN pick(u(tg_id, 'cap'), [200, 315, 400, 630, 800]) ELSE cap END AS capacity,
	public AND u(tg_id, 'heavy') < 0.1 AS heavy,
	CASE WHEN NOT public THEN NULL WHEN has_theft THEN 8.5 + 3.5 * u(tg_id, 'loss2') WHEN u(tg_id, 'loss') < 0.03 THEN 8.5 + 3 * u(tg_id, 'loss2')
		WHEN u(tg_id, 'loss') < 0.05 THEN -3 + 2 * u(tg_id, 'loss2') ELSE 1.5 + 4.5 * u(tg_id, 'loss2') END AS loss,
	CASE WHEN NOT public THEN CASE WHEN u(tg_id, 'out') < 0.8 THEN 0 ELSE 1 END
		WHEN u(tg_id, 'out') < 0.55 THEN 0 WHEN u(tg_id, 'out') < 0.75 THEN 1 WHEN u(tg_id, 'out') < 0.86 THEN 2
		WHEN u(tg_id, 'out') < 0.92 THEN 3 ELSE 4 + floor(4 * u(tg_id, 'out2'))::INT END AS n_out
FROM tg;
-- S1 archive ------------------------------------------------------------------------------------
CREATE OR REPLACE TABLE S1.C_CONS AS
SELECT cons_no AS CONS_NO,
	CASE WHEN sort = '03' THEN pick(u(i, 'surname'), ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗']) || '**'
		WHEN kind = 'school' THEN '杭州市' || area_name || pick(u(i, 'n1'), ['文澜', '求是', '崇文', '春晖', '育才', '明珠', '青蓝', '紫阳']) || '小学'
		WHEN kind = 'cont' AND trade = '8411' THEN '杭州市' || area_name || '区' || pick(u(i, 'n1'), ['第一', '第二', '中医', '妇幼', '人民', '中心']) || '医院'
		WHEN trade = '9221' THEN '杭州市' || area_name || pick(u(i, 'n1'), ['城管', '住建', '交通', '街道', '社区']) || '服务中心'
		ELSE '杭州' || pick(u(i, 'n1'), ['恒', '瑞', '华', '金', '宏', '鑫', '盛', '达', '联', '泰', '正', '永'])
			|| pick(u(i, 'n2'), ['源', '信', '丰', '昌', '嘉', '通', '利', '兴', '和', '安', '隆', '成']) || word || '有限公司' END AS CONS_NAME,
	sort AS CONS_SORT_CODE, volt AS VOLT_CODE, elec AS ELEC_TYPE_CODE, trade AS TRADE_CODE,
	CASE WHEN hec IS NOT NULL THEN hec END AS HEC_INDUSTRY_CODE,
	cap::DECIMAL(10, 1) AS CONTRACT_CAP, run_cap::DECIMAL(10, 1) AS RUN_CAP,
	CASE WHEN sort = '03' THEN NULL WHEN rrio IN ('01', '02') THEN '1' WHEN rrio = '03' THEN '2' ELSE '3' END AS LODE_ATTR_CODE,
	shift AS SHIFT_NO, rrio AS RRIO_CODE,
	CASE WHEN ps_date > DATE '2026-06-30' - 60 THEN '2' WHEN u(i, 'status') < 0.03 THEN '3' ELSE '1' END AS STATUS_CODE,
	CASE WHEN sort <> '03' AND (trade = '4710' OR u(i, 'tmp') < 0.01) AND ps_date > DATE '2026-06-30' - 700 THEN '1' ELSE '0' END AS TMP_FLAG,
	CASE WHEN sort <> '03' AND (trade = '4710' OR u(i, 'tmp') < 0.01) AND ps_date > DATE '2026-06-30' - 700
		THEN DATE '2026-06-30' + (5 + floor(360 * u(i, 'tmpdue')))::INT END AS DUE_DATE,
	ps_date - (5 + floor(10 * u(i, 'build')))::INT AS BUILD_DATE, ps_date AS PS_DATE,
	'33401' || substr(area_code, 5, 2) || '0' AS ORG_NO, urban AS URBAN_RURAL_FLAG
FROM c ORDER BY i;
CREATE OR REPLACE TABLE S1.C_CONS_PRC AS SELECT cons_no AS CONS_NO, prc_code AS PRC_CODE FROM c ORDER BY i;
CREATE OR REPLACE TABLE S1.C_PS AS
SELECT cons_no AS CONS_NO, CASE WHEN topo.dedicated THEN '02' ELSE '01' END AS LINE_PR,
	CASE WHEN sort = '01' AND cap >= 160 AND elec NOT IN ('300') THEN '3' WHEN sort = '01' THEN '2'
		WHEN elec = '300' THEN '1' ELSE '0' END AS PF_STD_CODE,
	prc_st AS PRC_ST_TYPE
FROM c JOIN topo USING (i, cons_no, sort) ORDER BY i;
CREATE OR REPLACE TABLE S1.C_METER AS
SELECT cons_no AS CONS_NO,
	CASE WHEN sort = '01' THEN CASE WHEN u(i, 'meter') < 0.7 THEN '24' ELSE '23' END
		WHEN u(i, 'meter') < 0.5 THEN '28' WHEN u(i, 'meter') < 0.6 THEN pick(u(i, 'meter2'), ['26', '27'])
		WHEN u(i, 'meter') < 0.8 THEN '22' WHEN u(i, 'meter') < 0.95 THEN '29' ELSE '21' END AS METER_TYPE
FROM c ORDER BY i;
CREATE OR REPLACE TABLE S1.C_CONS_MARKET AS
SELECT cons_no AS CONS_NO,
	CASE WHEN elec = '901' THEN '010101' WHEN sort = '01' AND u(i, 'mkt') < 0.1 THEN '010102'
		WHEN sort = '01' AND u(i, 'mkt') < 0.55 THEN '0102' WHEN sort = '01' AND u(i, 'mkt') < 0.6 THEN '0103'
		WHEN sort = '02' AND u(i, 'mkt') < 0.1 THEN '0102' WHEN u(i, 'mkt') > 0.995 THEN '0202' ELSE '0201' END AS DEREG_ATTR_TYPE
FROM c WHERE sort <> '03' ORDER BY i;
CREATE OR REPLACE TABLE S1.C_CONS_NOTICE AS
SELECT cons_no AS CONS_NO,
	CASE WHEN persona = 'online' AND u(i, 'ntce') < 0.35 THEN '06' WHEN u(i, 'ntce') < 0.7 THEN '01'
		WHEN u(i, 'ntce') < 0.8 THEN '02' WHEN u(i, 'ntce') < 0.87 THEN '03' WHEN u(i, 'ntce') < 0.92 THEN '04'
		WHEN u(i, 'ntce') < 0.93 THEN '05' WHEN u(i, 'ntce') < 0.97 THEN '07' ELSE '99' END AS COST_NTCE_MODE
FROM c ORDER BY i;
CREATE OR REPLACE TABLE S1.C_CONS_POLICY AS
SELECT * FROM (
	SELECT cons_no AS CONS_NO, '06' AS EXECUTE_SCOPE, i FROM c WHERE sort = '03'
	UNION ALL SELECT cons_no, CASE WHEN u(i, 'heatpol') < 0.5 THEN '01' ELSE '02' END, i FROM c WHERE rtype = 'heat'
	UNION ALL SELECT cons_no, CASE WHEN u(i, 'poor') < 0.015 THEN '03' ELSE '04' END, i FROM c
		WHERE sort = '03' AND u(i, 'poor') < CASE WHEN urban = '01' THEN 0.01 ELSE 0.04 END AND u(i, 'poor') < 0.02)
ORDER BY i, EXECUTE_SCOPE;
ALTER TABLE S1.C_CONS_POLICY DROP COLUMN i;
CREATE OR REPLACE TABLE S1.C_CONS_RLT AS
SELECT cons_no AS CONS_NO,
	CASE WHEN sort <> '03' THEN '01' WHEN u(i, 'rlt2') < 0.6 THEN '02' ELSE '03' END AS RLT_TYPE
FROM c WHERE (sort <> '03' AND kind IN ('shop', 'food') AND u(i, 'rlt') < 0.2) OR (sort = '03' AND u(i, 'rlt') < 0.05)
ORDER BY i;
CREATE OR REPLACE TABLE S1.C_CONTACT AS
SELECT cons_no AS CONS_NO,
	CASE WHEN u(i, 'mob') < 0.04 THEN NULL WHEN u(i, 'mob') < 0.06 THEN '8' || lpad((hash(i, 'tel') % 10000000)::VARCHAR, 7, '0')
		ELSE '1' || pick(u(i, 'mob2'), ['3', '5', '7', '8', '9']) || lpad((hash(i, 'mobno') % 1000000000)::VARCHAR, 9, '0') END AS MOBILE,
	CASE WHEN u(i, 'sms') < 0.015 THEN '02' WHEN u(i, 'sms') < 0.025 THEN '03' ELSE '01' END AS SMS_STATUS
FROM c ORDER BY i;
CREATE OR REPLACE TABLE S1.C_CONTRACT AS
SELECT cons_no AS CONS_NO,
	CASE WHEN u(i, 'contract') < 0.93 THEN '01' WHEN u(i, 'contract') < 0.98 THEN '02' ELSE '03' END AS SIGN_STATUS
FROM c ORDER BY i;
CREATE OR REPLACE TABLE S1.C_DR_CONTRACT AS
SELECT cons_no AS CONS_NO, y AS CONTRACT_YEAR, CASE WHEN u(i, 'drtype') < 0.7 THEN '01' ELSE '02' END AS DR_TYPE
FROM c, (VALUES (2024), (2025), (2026)) t(y)
WHERE (sort = '01' AND u(i, 'dr') < 0.35 OR sort = '02' AND u(i, 'dr') < 0.03)
	AND (y = 2026 AND u(i, 'dr') < CASE WHEN sort = '01' THEN 0.25 ELSE 0.02 END OR y < 2026 AND u3(i, y, 'dry') < 0.6)
ORDER BY i, y;
CREATE OR REPLACE TABLE S1.C_GEN_CONS AS
SELECT cons_no AS CONS_NO, '01' AS GEN_TYPE_CODE,
	CASE WHEN sort = '03' THEN CASE WHEN u(i, 'pvmode') < 0.6 THEN '03' ELSE '02' END
		WHEN u(i, 'pvmode') < 0.7 THEN '03' WHEN u(i, 'pvmode') < 0.9 THEN '01' ELSE '02' END AS POW_CONSP_MODE,
	round(CASE WHEN sort = '03' THEN 5 + 15 * u(i, 'pvcap') ELSE least(cap, 50 + 950 * u(i, 'pvcap')) END, 1)::DECIMAL(10, 1) AS GEN_CAP
FROM c WHERE u(i, 'pv') < CASE WHEN sort = '03' THEN 0.05 ELSE 0.10 END ORDER BY i;
CREATE OR REPLACE TABLE S1.C_STORAGE AS
SELECT cons_no AS CONS_NO FROM c WHERE u(i, 'storage') < CASE WHEN sort = '03' THEN 0.004 ELSE 0.03 END ORDER BY i;
CREATE OR REPLACE TABLE S1.C_CHARGE_FACILITY AS
SELECT cons_no AS CONS_NO FROM c WHERE (rtype = 'ev' AND u(i, 'evfac') < 0.7) OR (sort <> '03' AND u(i, 'evfac') < 0.03) ORDER BY i;
CREATE OR REPLACE TABLE S1.C_CONS_LABEL AS
SELECT * FROM (
	SELECT cons_no AS CONS_NO, '05' AS LABEL_ID, '扶贫客户' AS LABEL_NAME, i FROM c WHERE sort = '03' AND urban <> '01' AND u(i, 'fp') < 0.03
	UNION ALL SELECT cons_no, '08', '电子账单', i FROM c WHERE persona = 'online' AND u(i, 'ebill') < 0.5 OR u(i, 'ebill') < 0.05
	UNION ALL SELECT cons_no, '11', '充电桩客户', i FROM c WHERE rtype = 'ev' AND u(i, 'evlab') < 0.3
	UNION ALL SELECT cons_no, '12', '储能客户', i FROM c WHERE u(i, 'storage') < CASE WHEN sort = '03' THEN 0.002 ELSE 0.015 END
	UNION ALL SELECT cons_no, '13', '煤改电', i FROM c WHERE rtype = 'heat' AND u(i, 'mgd') < 0.5
	UNION ALL SELECT cons_no, pick(u(i, 'dqh2'), ['1401', '1402', '1403', '1404']),
		pick(u(i, 'dqh2'), ['电气化大棚', '电气化厨房', '全电景区', '全电民宿']), i
		FROM c WHERE kind IN ('agri', 'food', 'cont') AND u(i, 'dqh') < 0.15
	UNION ALL SELECT cons_no, CASE trade WHEN '6312' THEN '1901' ELSE '1902' END, CASE trade WHEN '6312' THEN '5G基站' ELSE '数据中心' END, i
		FROM c WHERE trade IN ('6312', '6450') AND u(i, 'xjj') < 0.7
	UNION ALL SELECT cons_no, '1903', '充换电站', i FROM c WHERE sort <> '03' AND u(i, 'evfac') < 0.01
	UNION ALL SELECT cons_no, '21', '园区客户', i FROM c WHERE kind = 'ind' AND u(i, 'park') < 0.15
	UNION ALL SELECT cons_no, '22', '公共机构', i FROM c WHERE kind IN ('school') OR trade IN ('8411', '9221') AND u(i, 'pub') < 0.5)
ORDER BY i, LABEL_ID;
ALTER TABLE S1.C_CONS_LABEL DROP COLUMN i;
-- 2. behaviour -----------------------------------------------------------------------------------
-- consumption months 2024-12..2026-06 (billed the following month); seasonal factors by calendar month
CREATE OR REPLACE TEMP TABLE mon AS
SELECT t, m, last_day(m) AS m_end, day(last_day(m)) AS days, strftime(m + INTERVAL 1 MONTH, '%Y%m') AS bill_ym,
	[1.15, 1.05, 0.9, 0.8, 0.8, 0.95, 1.3, 1.35, 1.0, 0.85, 0.85, 1.05][month(m)] AS seas_res,
	[2.6, 2.4, 1.3, 0.9, 0.9, 1.0, 1.3, 1.35, 1.0, 0.9, 1.4, 2.5][month(m)] AS seas_heat
FROM (SELECT t, (DATE '2024-12-01' + INTERVAL (t) MONTH)::DATE AS m FROM range(19) r(t));
-- planned consumption per customer and month (the daily extract below redistributes it over days)
CREATE OR REPLACE TEMP TABLE plan AS
SELECT c.i, mon.t, mon.m, mon.bill_ym,
	greatest(0, mon.days - greatest(0, date_diff('day', mon.m, c.ps_date))) AS active,
	c.base_kwh * greatest(0, mon.days - greatest(0, date_diff('day', mon.m, c.ps_date))) * (5 + 2 * c.wr) / 7
		* CASE WHEN c.rtype = 'heat' THEN mon.seas_heat WHEN c.sort = '03' THEN mon.seas_res ELSE 1 + (mon.seas_res - 1) * 0.3 END
		* c.yoy ^ ((mon.t - 18) / 12.0) * (0.95 + 0.1 * u3(c.i, mon.t, 'mnoise')) AS kwh,
	coalesce(c.ev_kw * 4 * 0.45, 0) * greatest(0, mon.days - greatest(0, date_diff('day', mon.m, c.ps_date))) AS ev_kwh
FROM c, mon;
-- daily consumption 2025-11-01..2026-06-30 (metered, after anomalies; true_kwh is what flowed)
CREATE OR REPLACE TEMP TABLE dly AS
WITH d AS (
	SELECT c.i, c.rtype, c.ev_kw, c.valley, c.anomaly, dt::DATE AS dt, p.kwh / p.active / ((5 + 2 * c.wr) / 7) AS plan_kwh,
		(CASE WHEN dayofweek(dt) IN (0, 6) THEN c.wr ELSE 1 END) * (0.93 + 0.14 * u3(c.i, dt::DATE, 'dnoise')) AS raw,
		c.rtype = 'ev' AND u3(c.i, dt::DATE, 'ev') < 0.45 AS ev_day
	FROM c, range(DATE '2025-11-01', DATE '2026-07-01', INTERVAL 1 DAY) r(dt)
	JOIN plan p ON p.i = c.i AND p.m = date_trunc('month', dt)::DATE
	WHERE dt >= c.ps_date),
e AS (
	SELECT *, plan_kwh * raw AS base,
		CASE WHEN ev_day THEN ev_kw * 4 ELSE 0 END AS ev,
		CASE WHEN anomaly = 'drop' AND dt >= DATE '2026-05-20' THEN 0.25 WHEN anomaly = 'zero' AND dt >= DATE '2026-05-25' THEN 0
			WHEN anomaly = 'theft' AND dt >= DATE '2026-04-15' THEN 0.06 ELSE 1 END AS mult
	FROM d)
SELECT i, dt, base, ev_day, mult, (base + ev) * mult AS kwh, (base * valley + ev) * mult AS valley_kwh, base + ev AS true_kwh
FROM e;
-- consumption per month: from the daily extract where it exists, else the plan
CREATE OR REPLACE TEMP TABLE cons_m AS
SELECT p.i, p.t, p.m, p.bill_ym, round(coalesce(d.kwh, p.kwh + p.ev_kwh), 0) AS pq
FROM plan p LEFT JOIN (SELECT i, date_trunc('month', dt)::DATE AS m, sum(kwh) AS kwh FROM dly GROUP BY ALL) d ON d.i = p.i AND d.m = p.m
WHERE p.active > 0;
-- bills: residential ladder per calendar year (2760 / 4800 kWh), time-of-use split for the others
CREATE OR REPLACE TEMP TABLE bill AS
WITH b AS (
	SELECT cm.i, cm.bill_ym, cm.pq, c.sort, c.prc_code, c.run_cap, c.sharp, c.high, c.valley, c.payer,
		sum(cm.pq) OVER (PARTITION BY cm.i, substr(cm.bill_ym, 1, 4) ORDER BY cm.bill_ym) AS cum
	FROM cons_m cm JOIN c USING (i)
	WHERE cm.m <= DATE '2026-05-01'),
l AS (
	SELECT *, least(cum, 2760) - least(cum - pq, 2760) AS q1, greatest(cum - 4800, 0) - greatest(cum - pq - 4800, 0) AS q3 FROM b)
SELECT *, pq - q1 - q3 AS q2,
	round(CASE WHEN sort = '03' THEN q1 * 0.538 + (pq - q1 - q3) * 0.588 + q3 * 0.838
		WHEN prc_code = '1030' THEN pq * 0.558 WHEN prc_code = '3010' THEN pq * 0.48 WHEN prc_code LIKE '90%' THEN pq * 0.45
		ELSE pq * (1.25 * sharp + 1.0 * high + 0.68 * (1 - sharp - high - valley) + 0.32 * valley)
			+ CASE WHEN prc_code = '2020' THEN run_cap * 25 ELSE 0 END END, 2) AS amt,
	make_date(substr(bill_ym, 1, 4)::INT, substr(bill_ym, 5, 2)::INT, 25) AS due
FROM l;
-- payments: who pays late, who has not paid the latest months
CREATE OR REPLACE TEMP TABLE pay AS
WITH r AS (
	SELECT bill.*, row_number() OVER (PARTITION BY i ORDER BY bill_ym DESC) AS rn_desc FROM bill),
s AS (
	SELECT r.*,
		rn_desc <= CASE payer WHEN 'current' THEN 1 + floor(2 * u(i, 'nunpaid'))::INT WHEN 'long' THEN 3 + floor(6 * u(i, 'nunpaid'))::INT
			ELSE 0 END AS unpaid,
		CASE payer WHEN 'occasional' THEN 1 + floor(2 * u(i, 'nlate'))::INT WHEN 'frequent' THEN 3 + floor(4 * u(i, 'nlate'))::INT
			WHEN 'current' THEN floor(2 * u(i, 'nlate'))::INT WHEN 'long' THEN 1 + floor(3 * u(i, 'nlate'))::INT ELSE 0 END AS n_late
	FROM r),
t AS (
	SELECT s.*, unpaid AND payer = 'long' AND NOT coalesce(lead(unpaid) OVER (PARTITION BY i ORDER BY rn_desc), false)
			AND u(i, 'partial') < 0.3 AS partial,
		row_number() OVER (PARTITION BY i, unpaid OR bill_ym <= '202506' ORDER BY hash(i, bill_ym, 'late')) AS late_rank
	FROM s)
SELECT t.*, NOT unpaid AND bill_ym > '202506' AND late_rank <= n_late AS late,
	CASE WHEN unpaid AND partial THEN least(due + 10, DATE '2026-06-30') WHEN unpaid THEN NULL
		WHEN NOT unpaid AND bill_ym > '202506' AND late_rank <= n_late THEN least(due + (3 + floor(35 * u3(i, bill_ym, 'latedays')))::INT, DATE '2026-06-30')
		ELSE due - floor(20 * u3(i, bill_ym, 'paydays'))::INT END AS charge_date
FROM t;
CREATE OR REPLACE TABLE S1.A_RCVBL_FLOW AS
SELECT c.cons_no AS CONS_NO, pay.bill_ym AS RCVBL_YM, pay.pq::DECIMAL(14, 0) AS T_PQ, pay.amt::DECIMAL(14, 2) AS RCVBL_AMT,
	CASE WHEN NOT unpaid THEN amt WHEN partial THEN round(amt / 2, 2) ELSE 0 END::DECIMAL(14, 2) AS RCVED_AMT,
	CASE WHEN NOT unpaid THEN 0 WHEN partial THEN amt - round(amt / 2, 2) ELSE amt END::DECIMAL(14, 2) AS OWE_AMT,
	round(CASE WHEN late THEN amt * CASE WHEN c.sort = '03' THEN 0.001 ELSE 0.002 END * date_diff('day', due, charge_date)
		WHEN unpaid THEN (amt - CASE WHEN partial THEN round(amt / 2, 2) ELSE 0 END) * CASE WHEN c.sort = '03' THEN 0.001 ELSE 0.002 END
			* date_diff('day', due, DATE '2026-06-30')
		ELSE 0 END, 2)::DECIMAL(14, 2) AS RCVBL_PENALTY,
	due AS DUE_DATE, CASE WHEN NOT unpaid THEN '03' WHEN partial THEN '02' ELSE '01' END AS SETTLE_FLAG,
	CASE WHEN m.METER_TYPE = '28' THEN '01' WHEN m.METER_TYPE IN ('26', '27') THEN '02' ELSE '03' END AS CTL_MODE,
	CASE WHEN c.payer IN ('long', 'frequent') THEN '01' WHEN c.payer IN ('current', 'occasional') THEN '02' ELSE '03' END AS RISK_LEVEL_CODE
FROM pay JOIN c USING (i) JOIN S1.C_METER m ON m.CONS_NO = c.cons_no
ORDER BY pay.i, pay.bill_ym;
CREATE OR REPLACE TEMP TABLE charge AS
SELECT pay.*, c.cons_no, c.paych, 'C' || c.cons_no || pay.bill_ym AS charge_id,
	CASE WHEN NOT unpaid THEN amt ELSE round(amt / 2, 2) END AS rcved,
	CASE WHEN late THEN round(amt * CASE WHEN c.sort = '03' THEN 0.001 ELSE 0.002 END * date_diff('day', due, charge_date), 2) ELSE 0 END AS penalty
FROM pay JOIN c USING (i)
WHERE charge_date IS NOT NULL;
CREATE OR REPLACE TABLE S1.A_RCVED_FLOW AS
SELECT charge_id AS CHARGE_ID, cons_no AS CONS_NO, bill_ym AS RCVBL_YM, rcved::DECIMAL(14, 2) AS RCVED_AMT, charge_date AS CHARGE_DATE
FROM charge ORDER BY i, bill_ym;
CREATE OR REPLACE TABLE S1.A_PAY_FLOW AS
SELECT charge_id AS CHARGE_ID, cons_no AS CONS_NO, charge_date AS PAY_DATE,
	CASE WHEN paych <> 'mixed' AND u3(i, bill_ym, 'mode') < 0.8 THEN
		CASE paych WHEN 'online' THEN pick(u3(i, bill_ym, 'mode2'), ['0104', '0105', '0106', '0207', '0208', '0209'])
			WHEN 'bank' THEN pick(u3(i, bill_ym, 'mode2'), ['0203', '0204', '0205', '0206'])
			WHEN 'counter' THEN pick(u3(i, bill_ym, 'mode2'), ['0101', '0201'])
			ELSE pick(u3(i, bill_ym, 'mode2'), ['0103', '0202']) END
		ELSE pick(u3(i, bill_ym, 'mode2'), ['0101', '0102', '0103', '0104', '0105', '0106', '0107', '0199', '0201', '0202', '0203',
			'0204', '0205', '0206', '0207', '0208', '0209', '0299']) END AS PAY_MODE,
	(rcved + penalty)::DECIMAL(14, 2) AS RCV_AMT
FROM charge ORDER BY i, bill_ym;
CREATE OR REPLACE TABLE S1.ARC_E_CONS_SNAP AS
SELECT c.cons_no AS CONS_NO, bill_ym AS AMT_YM, pq::DECIMAL(14, 0) AS T_PQ, amt::DECIMAL(14, 2) AS T_AMT
FROM bill JOIN c USING (i) ORDER BY i, bill_ym;
CREATE OR REPLACE TABLE S1.ARC_E_KWH_AMT AS
SELECT CONS_NO, AMT_YM, PRC_TS_CODE, LADDER_LEVEL, SETTLE_APQ FROM (
	SELECT c.i, c.cons_no AS CONS_NO, bill_ym AS AMT_YM, NULL::VARCHAR AS PRC_TS_CODE, l.level AS LADDER_LEVEL,
		[q1, q2, q3][l.level]::DECIMAL(14, 0) AS SETTLE_APQ
	FROM bill JOIN c USING (i), (VALUES (1), (2), (3)) l(level)
	WHERE bill.sort = '03' AND (l.level = 1 OR [q1, q2, q3][l.level] > 0)
	UNION ALL
	SELECT c.i, c.cons_no, bill_ym, ts.code, NULL,
		round(pq * CASE ts.code WHEN '01' THEN bill.sharp WHEN '02' THEN bill.high WHEN '04' THEN bill.valley
			ELSE 1 - bill.sharp - bill.high - bill.valley END, 0)::DECIMAL(14, 0)
	FROM bill JOIN c USING (i), (VALUES ('01'), ('02'), ('03'), ('04')) ts(code)
	WHERE bill.sort <> '03')
ORDER BY i, AMT_YM, PRC_TS_CODE, LADDER_LEVEL;
-- S2 AMI: daily frozen readings (cumulative kWh, total and valley register), curves and events ----------
CREATE OR REPLACE TABLE S2.E_MP_DAY_READ AS
SELECT c.cons_no AS CONS_NO, dt AS DATA_DATE,
	round(1000 + 40000 * u(i, 'reading') + sum(kwh) OVER w, 2)::DECIMAL(14, 2) AS PAP_R,
	round(300 + 12000 * u(i, 'reading') + sum(valley_kwh) OVER w, 2)::DECIMAL(14, 2) AS PAP_R4
FROM dly JOIN c USING (i)
WINDOW w AS (PARTITION BY i ORDER BY dt);
-- 96-point active power (kW): the last 30 days for everyone, the last 3 months for high-voltage customers;
-- the mean of a day's points times 24 is that day's kWh
CREATE OR REPLACE TABLE S2.E_MP_POWER_CURVE AS
SELECT cons_no AS CONS_NO, dt AS DATA_DATE,
	list_transform(shape_p, lambda x, k: round(x * scale + CASE WHEN k > 92 OR k <= 12 THEN ev ELSE 0 END, 3)) AS P1_P96
FROM (SELECT c.cons_no, d.dt, c.shape_p, d.base * d.mult / 24 AS scale, CASE WHEN d.ev_day THEN c.ev_kw * d.mult ELSE 0 END AS ev
	FROM (SELECT * FROM dly WHERE dt >= DATE '2026-04-01') d JOIN c USING (i)
	WHERE d.dt >= DATE '2026-06-01' OR c.sort = '01');
-- daily mean phase-A current of low-voltage meters (follows the energy that really flowed)
CREATE OR REPLACE TABLE S2.E_MP_CUR_CURVE AS
SELECT c.cons_no AS CONS_NO, dly.dt AS DATA_DATE,
	round(dly.true_kwh / 24 / CASE WHEN c.volt = 'AC02202' THEN 0.22 ELSE 0.66 END * (0.97 + 0.06 * u3(i, dly.dt, 'ia')), 3)::DECIMAL(10, 3) AS I_A
FROM dly JOIN c USING (i)
WHERE c.sort <> '01' AND dly.dt >= DATE '2026-06-01';
-- hourly phase-A voltage of low-voltage meters; customers at the far end of an overloaded area sag in the evening
CREATE OR REPLACE TABLE S2.E_MP_VOL_CURVE AS
SELECT c.cons_no AS CONS_NO, dly.dt AS DATA_DATE,
	list_transform(range(24), lambda h: round(221 + 6 * (u3(i, dly.dt, 'v') - 0.5)
		+ CASE WHEN h BETWEEN 18 AND 21 THEN CASE WHEN tg2.heavy AND u(i, 'far') < 0.5 THEN -28 ELSE -3 END WHEN h < 6 THEN 2 ELSE 0 END, 1)) AS U_A
FROM dly JOIN c USING (i) JOIN topo USING (i) JOIN tg2 USING (tg_id)
WHERE c.sort <> '01' AND dly.dt >= DATE '2026-06-01';
CREATE OR REPLACE TABLE S2.E_MP_FACTOR_CURVE AS
SELECT c.cons_no AS CONS_NO, dly.dt AS DATA_DATE,
	round(CASE WHEN u(i, 'pf') < 0.15 THEN 0.76 + 0.1 * u(i, 'pf2') ELSE 0.91 + 0.07 * u(i, 'pf2') END
		+ 0.02 * (u3(i, dly.dt, 'pfd') - 0.5), 3)::DECIMAL(5, 3) AS PF
FROM dly JOIN c USING (i)
WHERE c.sort <> '03' AND dly.dt >= DATE '2026-06-01';
CREATE OR REPLACE TABLE S2.E_METER_EVENT AS
SELECT * FROM (
	SELECT c.cons_no AS CONS_NO, TIMESTAMP '2026-06-30 23:59:00' - INTERVAL (floor(u3(i, k, 'evt') * 29 * 1440)) MINUTE AS EVENT_TIME,
		pick(u3(i, k, 'evtype'), ['01', '02', '03', '04', '05', '06', '07', '08']) AS EVENT_TYPE
	FROM c, range(2) r(k) WHERE u(i, 'mev') < 0.02 AND (k = 0 OR u(i, 'mev2') < 0.3)
	UNION ALL
	SELECT c.cons_no, TIMESTAMP '2026-05-31 00:00:00' - INTERVAL (floor(u(i, 'evtold') * 150 * 1440)) MINUTE,
		pick(u(i, 'evtype'), ['01', '02', '03', '04', '05', '06', '07', '08'])
	FROM c WHERE u(i, 'mev') >= 0.02 AND u(i, 'mev') < 0.05
	UNION ALL
	SELECT c.cons_no, TIMESTAMP '2026-04-14 02:10:00', '01' FROM c WHERE anomaly = 'theft')
ORDER BY CONS_NO, EVENT_TIME;
-- outages hit a whole transformer area
CREATE OR REPLACE TEMP TABLE outage AS
SELECT tg_id, k, TIMESTAMP '2025-07-01 00:00:00' + INTERVAL (floor(u3(tg_id, k, 'out') * 364 * 1440)) MINUTE AS start_time,
	60 + floor(300 * u3(tg_id, k, 'outlen'))::INT AS minutes
FROM (SELECT tg_id, unnest(range(n_out)) AS k FROM tg2);
CREATE OR REPLACE TABLE S2.E_METER_EVENT_NO_POWER AS
SELECT topo.cons_no AS CONS_NO, o.start_time AS START_TIME, o.start_time + INTERVAL (o.minutes) MINUTE AS END_TIME
FROM outage o JOIN topo USING (tg_id)
ORDER BY topo.i, START_TIME;
CREATE OR REPLACE TABLE S2.E_TG_LOAD AS
SELECT tg_id AS TG_ID, dt::DATE AS DATA_DATE,
	round(CASE WHEN heavy THEN 72 + 30 * u3(tg_id, dt::DATE, 'load') ELSE 25 + 50 * u3(tg_id, dt::DATE, 'load') END, 1)::DECIMAL(5, 1) AS LOAD_RATE
FROM tg2, range(DATE '2026-06-01', DATE '2026-07-01', INTERVAL 1 DAY) r(dt)
WHERE public
ORDER BY tg_id, dt;
CREATE OR REPLACE TABLE S2.E_TG_LOSS_DAY AS
SELECT tg_id AS TG_ID, dt::DATE AS DATA_DATE, round(loss + 2 * (u3(tg_id, dt::DATE, 'lossd') - 0.5), 2)::DECIMAL(6, 2) AS LOSS_RATE
FROM tg2, range(DATE '2026-06-01', DATE '2026-07-01', INTERVAL 1 DAY) r(dt)
WHERE public
ORDER BY tg_id, dt;
-- S3 95598: calls and work orders over two years ----------------------------------------------------
CREATE OR REPLACE TEMP TABLE wk AS
WITH base AS (
	SELECT c.i, c.cons_no, y, unnest(range(CASE WHEN c.persona = 'hotline' THEN 3 + floor(4 * u3(i, y, 'ncall'))::INT
		WHEN u3(i, y, 'ncall') < 0.18 THEN 1 WHEN u3(i, y, 'ncall') < 0.24 THEN 2 ELSE 0 END)) AS k
	FROM c, (VALUES (0), (1)) t(y)),
typed AS (
	SELECT i, cons_no, 'b' || y || k AS src, TIMESTAMP '2024-07-01 08:00:00' + INTERVAL (y * 365 + floor(364 * u3(i, y * 10 + k, 'calld'))) DAY
			+ INTERVAL (floor(720 * u3(i, y * 10 + k, 'callm'))) MINUTE AS t,
		CASE WHEN u3(i, y * 10 + k, 'bt') < 0.30 THEN '01' WHEN u3(i, y * 10 + k, 'bt') < 0.72 THEN '02'
			WHEN u3(i, y * 10 + k, 'bt') < 0.78 THEN '03' WHEN u3(i, y * 10 + k, 'bt') < 0.79 THEN '04'
			WHEN u3(i, y * 10 + k, 'bt') < 0.82 THEN '05' WHEN u3(i, y * 10 + k, 'bt') < 0.84 THEN '06'
			WHEN u3(i, y * 10 + k, 'bt') < 0.88 THEN '07' ELSE '08' END AS bt,
		u3(i, y * 10 + k, 'text') AS r
	FROM base
	UNION ALL
	-- customers who watch their bill call about it
	SELECT i, cons_no, 'f' || k, TIMESTAMP '2025-07-01 09:00:00' + INTERVAL (floor(364 * u3(i, k, 'feed'))) DAY
			+ INTERVAL (floor(600 * u3(i, k, 'feem'))) MINUTE, '02', u3(i, k, 'feet') * 3 / 7
	FROM (SELECT i, cons_no, unnest(range(2 + floor(2 * u(i, 'fee2'))::INT)) AS k FROM c WHERE u(i, 'fee') < 0.05)
	UNION ALL
	-- customers who call soon after each outage
	SELECT c.i, c.cons_no, 'o' || o.k, o.start_time + INTERVAL (30 + floor(330 * u3(c.i, o.k, 'outcall'))) MINUTE, '01', 0.0
	FROM outage o JOIN topo USING (tg_id) JOIN c ON c.i = topo.i
	WHERE u(c.i, 'outsens') < 0.05)
SELECT *, 'W' || strftime(t, '%Y%m') || lpad((row_number() OVER (ORDER BY t, cons_no, src))::VARCHAR, 7, '0') AS app_no
FROM typed;
CREATE OR REPLACE TABLE S3.ARC_S_95598_WKST AS
SELECT app_no AS APP_NO, cons_no AS CONS_NO, bt AS BUSI_TYPE_CODE, t AS HANDLE_TIME,
	CASE bt WHEN '01' THEN pick(r, ['家中停电请求抢修', '表箱冒烟请求处理', '电压不稳灯光闪烁', '单户无电请求抢修'])
		WHEN '02' THEN pick(r, ['咨询本月电费为何比上月高', '查询近期电量及阶梯电价', '咨询电费账单明细', '咨询峰谷电价政策', '咨询停电计划',
			'咨询业务办理进度', '咨询新装办理流程'])
		WHEN '03' THEN pick(r, ['投诉抄表员服务态度', '投诉停电频繁', '投诉电费计算有误', '投诉营业厅排队时间长'])
		WHEN '04' THEN pick(r, ['举报私拉乱接', '举报疑似窃电'])
		WHEN '05' THEN '对电费通知方式提出意见' WHEN '06' THEN '建议增加线上缴费渠道' WHEN '07' THEN '表扬抢修人员及时'
		ELSE pick(r, ['申请电能表校验', '申请更改联系电话', '申请开具电费发票']) END AS ACCEPT_CONTENT
FROM wk ORDER BY t, app_no;
CREATE OR REPLACE TABLE S3.S_COMM_REC AS
SELECT * FROM (
	SELECT cons_no AS CONS_NO, t - INTERVAL 4 MINUTE AS CALL_TIME FROM wk
	UNION ALL
	SELECT cons_no, TIMESTAMP '2025-07-01 10:00:00' + INTERVAL (floor(364 * u3(i, k, 'xcall'))) DAY FROM (
		SELECT i, cons_no, unnest(range(1 + floor(3 * u(i, 'xcalls'))::INT)) AS k FROM c WHERE persona = 'hotline'))
ORDER BY CALL_TIME, CONS_NO;
CREATE OR REPLACE TABLE S3.S_INFO_OVERSEE AS
SELECT app_no AS APP_NO, cons_no AS CONS_NO, CASE WHEN u(app_no, 'ov') < 0.15 THEN '01' ELSE '02' END AS OVERSEE_TYPE,
	t + INTERVAL 1 DAY AS OVERSEE_TIME
FROM wk WHERE bt IN ('01', '03') AND u(app_no, 'ov') < 0.2 ORDER BY t;
CREATE OR REPLACE TABLE S3.S_VISIT_RESULT AS
SELECT app_no AS APP_NO, cons_no AS CONS_NO, t + INTERVAL 2 DAY AS VISIT_TIME,
	CASE WHEN u(app_no, 'sat') < CASE WHEN bt = '03' THEN 0.3 ELSE 0.04 END THEN '04'
		WHEN u(app_no, 'sat') < 0.5 THEN '01' WHEN u(app_no, 'sat') < 0.85 THEN '02' ELSE '03' END AS SATISFACTION
FROM wk WHERE u(app_no, 'visit') < 0.6 ORDER BY t;
-- S1 business applications: the new connection of every customer, capacity increases, counter visits ------
CREATE OR REPLACE TEMP TABLE app AS
SELECT x.* FROM (
	SELECT i, cons_no, 'n' AS src, CASE sort WHEN '01' THEN '010101' WHEN '02' THEN '010201' ELSE '010301' END AS bt,
		ps_date - (15 + floor(85 * u(i, 'appd')))::INT AS d,
		CASE WHEN ps_date < DATE '2019-01-01' THEN '01' WHEN persona = 'online' THEN '02' WHEN persona = 'counter' THEN '01'
			ELSE pick(u(i, 'appch'), ['01', '02', '03']) END AS ch
	FROM c
	UNION ALL
	SELECT i, cons_no, 'z', CASE sort WHEN '01' THEN '010102' ELSE '010202' END,
		DATE '2026-06-30' - (10 + floor(340 * u(i, 'zrd')))::INT, CASE WHEN persona = 'online' THEN '02' ELSE '03' END
	FROM c WHERE (sort = '01' AND util >= 0.9 AND u(i, 'zr') < 0.6) OR (sort = '02' AND u(i, 'zr') < 0.02)
	UNION ALL
	SELECT i, cons_no, 'm' || k, pick(u3(i, k, 'mbt'), ['0201', '0202', '0301', '0501', '0601']),
		DATE '2026-06-30' - (5 + floor(720 * u3(i, k, 'md')))::INT,
		CASE WHEN persona = 'counter' THEN '01' WHEN persona = 'online' THEN '02' ELSE pick(u3(i, k, 'mch'), ['01', '02', '03']) END
	FROM (SELECT *, unnest(range(CASE WHEN persona = 'counter' THEN 4 + floor(3 * u(i, 'nm'))::INT WHEN u(i, 'nm') < 0.08 THEN 1 ELSE 0 END)) AS k
		FROM c)) x
JOIN c ON c.i = x.i
WHERE x.d >= c.ps_date OR x.src = 'n';
CREATE OR REPLACE TABLE S1.S_APP AS
SELECT 'A' || strftime(d, '%Y%m') || lpad((row_number() OVER (ORDER BY d, cons_no, src))::VARCHAR, 7, '0') AS APP_NO,
	cons_no AS CONS_NO, bt AS BUSI_TYPE_CODE, ch AS ACCEPT_CHANNEL, d AS ACCEPT_DATE
FROM app ORDER BY d, cons_no;
-- S4 GIS: transformer areas, lines, metering points, locations -------------------------------------------
CREATE OR REPLACE TABLE S4.G_TG AS
SELECT tg_id AS TG_ID, CASE WHEN public THEN a.name || '公变' || right(tg_id, 4) || '号台区' ELSE cc.CONS_NAME || '专变' END AS TG_NAME,
	CASE WHEN public THEN '01' ELSE '02' END AS PUB_PRIV_FLAG, capacity::DECIMAL(10, 1) AS CAPACITY, line_id AS LINE_ID
FROM tg2 JOIN area a ON a.code = tg2.area_code LEFT JOIN S1.C_CONS cc ON 'Z' || cc.CONS_NO = tg2.tg_id
ORDER BY tg_id;
CREATE OR REPLACE TABLE S4.G_LINE AS
SELECT LINE_ID, CASE WHEN LINE_ID LIKE 'X%' THEN '专线' || substr(LINE_ID, 2) ELSE '10kV公用' || right(LINE_ID, 3) || '线' END AS LINE_NAME,
	CASE WHEN LINE_ID LIKE 'X%' THEN '02' ELSE '01' END AS LINE_PR
FROM (SELECT DISTINCT line_id AS LINE_ID FROM tg2 UNION SELECT hv_line FROM topo WHERE hv_line IS NOT NULL)
ORDER BY LINE_ID;
CREATE OR REPLACE TABLE S4.C_MP AS
SELECT topo.cons_no AS CONS_NO, topo.tg_id AS TG_ID, coalesce(tg2.line_id, topo.hv_line) AS LINE_ID
FROM topo LEFT JOIN tg2 USING (tg_id) ORDER BY topo.i;
-- points of interest: housing estates and industrial parks per district, and one for most schools, hospitals
-- and public offices; radius approximates the area's outline
CREATE OR REPLACE TEMP TABLE poi AS
WITH est AS (
	SELECT a.*, pk, greatest(2, round(getvariable('customers') * a.w / 100.0 * 0.82 * 0.5 / 120))::INT AS n
	FROM area a, range(40) r(pk)),
park AS (SELECT a.*, pk FROM area a, range(2) r(pk) WHERE pk = 0 OR a.w >= 9)
SELECT 'P02' || code || lpad(pk::VARCHAR, 3, '0') AS poi_id, name || pick(u3(code, pk, 'pn'), ['花园', '新村', '家园', '公寓', '雅苑', '府']) || (pk + 1) || '期' AS poi_name,
	'02' AS poi_type, lng + 0.12 * (u3(code, pk, 'px') - 0.5) AS lng, lat + 0.08 * (u3(code, pk, 'py') - 0.5) AS lat,
	150 + 250 * u3(code, pk, 'pr') AS radius, code AS area_code, pk, NULL::BIGINT AS i
FROM est WHERE pk < n
UNION ALL
SELECT 'P01' || code || lpad(pk::VARCHAR, 3, '0'), name || CASE pk WHEN 0 THEN '经济开发区' ELSE '高新产业园' END, '01',
	lng + 0.12 * (u3(code, pk, 'qx') - 0.5), lat + 0.08 * (u3(code, pk, 'qy') - 0.5), 1200 + 800 * u3(code, pk, 'qr'), code, pk, NULL
FROM park
UNION ALL
SELECT 'P06' || code || lpad(pk::VARCHAR, 3, '0'), name || pick(u3(code, pk, 'sn'), ['万象城', '银泰城', '龙湖天街', '印象城']), '06',
	lng + 0.12 * (u3(code, pk, 'sx') - 0.5), lat + 0.08 * (u3(code, pk, 'sy') - 0.5), 150, code, pk, NULL
FROM area, range(2) r(pk);
CREATE OR REPLACE TEMP TABLE loc AS
WITH placed AS (
	SELECT c.i, c.cons_no, c.area_code, c.kind, c.trade,
		CASE WHEN c.sort = '03' AND u(c.i, 'est') < CASE WHEN c.urban = '01' THEN 0.65 ELSE 0.2 END
				THEN 'P02' || c.area_code || lpad(floor(u(c.i, 'estk') * greatest(2, round(getvariable('customers') * c.area_w / 100.0 * 0.82 * 0.5 / 120)))::INT::VARCHAR, 3, '0')
			WHEN c.kind = 'ind' AND (u(c.i, 'park') < 0.5)
				THEN 'P01' || c.area_code || lpad(CASE WHEN c.area_w >= 9 THEN floor(2 * u(c.i, 'parkk'))::INT ELSE 0 END::VARCHAR, 3, '0') END AS poi_id,
		sqrt(u(c.i, 'rr')) * 0.7 AS rr, 2 * pi() * u(c.i, 'ang') AS ang
	FROM c)
SELECT placed.i, placed.cons_no, placed.kind, placed.trade,
	CASE WHEN u(placed.i, 'geo') < 0.01 THEN NULL ELSE placed.area_code END AS area_code,
	CASE WHEN u(placed.i, 'geo') < 0.01 THEN NULL WHEN poi.poi_id IS NOT NULL THEN poi.lng + rr * poi.radius * cos(ang) / 96100
		ELSE a.lng + 0.16 * (u(placed.i, 'lx') - 0.5) END AS lng,
	CASE WHEN u(placed.i, 'geo') < 0.01 THEN NULL WHEN poi.poi_id IS NOT NULL THEN poi.lat + rr * poi.radius * sin(ang) / 111000
		ELSE a.lat + 0.10 * (u(placed.i, 'ly') - 0.5) END AS lat
FROM placed JOIN area a ON a.code = placed.area_code LEFT JOIN poi USING (poi_id);
CREATE OR REPLACE TABLE S4.G_CONS_LOCATION AS
SELECT cons_no AS CONS_NO, area_code AS AREA_CODE, round(lng, 6)::DECIMAL(10, 6) AS LNG, round(lat, 6)::DECIMAL(10, 6) AS LAT
FROM loc ORDER BY i;
-- S5 external ---------------------------------------------------------------------------------------
CREATE OR REPLACE TABLE S5.EXT_POI AS
SELECT * FROM (
	SELECT poi_id AS POI_ID, poi_name AS POI_NAME, poi_type AS POI_TYPE, round(lng, 6)::DECIMAL(10, 6) AS LNG,
		round(lat, 6)::DECIMAL(10, 6) AS LAT, round(radius)::INT AS RADIUS_M
	FROM poi
	UNION ALL
	SELECT 'P' || CASE WHEN loc.kind = 'school' THEN '03' WHEN loc.trade = '8411' THEN '04' ELSE '05' END || loc.cons_no,
		cc.CONS_NAME, CASE WHEN loc.kind = 'school' THEN '03' WHEN loc.trade = '8411' THEN '04' ELSE '05' END,
		round(loc.lng, 6)::DECIMAL(10, 6), round(loc.lat, 6)::DECIMAL(10, 6), (80 + floor(120 * u(loc.i, 'pubr')))::INT
	FROM loc JOIN S1.C_CONS cc ON cc.CONS_NO = loc.cons_no
	WHERE (loc.kind = 'school' OR loc.trade IN ('8411', '9221')) AND loc.lng IS NOT NULL AND u(loc.i, 'pubpoi') < 0.8)
ORDER BY POI_ID;
CREATE OR REPLACE TABLE S5.EXT_BUSINESS_REG AS
SELECT cons_no AS CONS_NO,
	CASE WHEN kind = 'school' OR trade IN ('8411', '9221') THEN '12' ELSE '91' END || area_code
		|| upper(substr(md5(cons_no), 1, 9)) || pick(u(i, 'uscc'), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'X']) AS USCC,
	(SELECT CONS_NAME FROM S1.C_CONS WHERE CONS_NO = c.cons_no) AS ENT_NAME,
	CASE WHEN u(i, 'bizab') < 0.04 THEN pick(u(i, 'bizab3'), ['1', '1', '1', '2', '3']) ELSE '0' END AS ABNORMAL_FLAG
FROM c WHERE sort <> '03' AND (u(i, 'bizab') < 0.04 OR u(i, 'bizreg') < 0.95)
ORDER BY i;
CREATE OR REPLACE TABLE S5.EXT_APP_BINDING AS
SELECT cons_no AS CONS_NO, greatest(ps_date, DATE '2019-06-01' + floor(1800 * u(i, 'bind'))::INT) AS BIND_DATE
FROM c WHERE persona = 'online' OR (persona = 'quiet' AND u(i, 'bindq') < 0.25)
ORDER BY i;
CREATE OR REPLACE TABLE S5.EXT_APP_ACCESS_LOG AS
SELECT b.CONS_NO, t AS ACCESS_TIME, pick(u3(c.i, t, 'chan'), ['01', '01', '01', '01', '01', '01', '01', '02', '02', '03']) AS CHANNEL
FROM (
	SELECT i, y, TIMESTAMP '2024-07-01 07:00:00' + INTERVAL (y * 365 + floor(364 * u3(i, y * 100 + k, 'ald'))) DAY
			+ INTERVAL (floor(900 * u3(i, y * 100 + k, 'alm'))) MINUTE AS t
	FROM (SELECT i, y, unnest(range(CASE WHEN persona = 'online' THEN 6 + floor(10 * u3(i, y, 'nlog'))::INT ELSE floor(3 * u3(i, y, 'nlog'))::INT END)) AS k
		FROM c, (VALUES (0), (1)) yy(y))) l
JOIN c USING (i) JOIN S5.EXT_APP_BINDING b ON b.CONS_NO = c.cons_no
WHERE l.t >= b.BIND_DATE
ORDER BY b.CONS_NO, t;
-- S1 inspections (用电检查): yearly checks of high-voltage customers, findings, caught theft and violations
CREATE OR REPLACE TABLE S1.R_CHECK_RESULT AS
SELECT * FROM (
	SELECT cons_no AS CONS_NO, make_date(y, 3 + floor(8 * u3(i, y, 'chk'))::INT, 1 + floor(27 * u3(i, y, 'chkd'))::INT) AS CHK_DATE,
		CASE WHEN y = 2025 AND rrio IN ('01', '02') AND u(i, 'dual') < 0.3 THEN CASE WHEN u(i, 'dual2') < 0.6 THEN '01' ELSE '02' END
			WHEN u3(i, y, 'chkab') < 0.05 THEN pick(u3(i, y, 'chkab2'), ['03', '04', '05', '06', '07', '08', '23'])
			ELSE '00' END AS ABNORMAL_TYPE
	FROM c, (VALUES (2024), (2025)) t(y) WHERE sort = '01' AND ps_date < make_date(y, 1, 1)
	UNION ALL
	SELECT cons_no, DATE '2026-06-30' - CASE WHEN u(i, 'viol') < 0.015 THEN 30 + floor(1050 * u(i, 'viold'))
			ELSE 1100 + floor(1400 * u(i, 'viold')) END::INT,
		pick(u(i, 'violt'), ['11', '12', '13', '14', '15'])
	FROM c WHERE u(i, 'viol') < 0.025
	UNION ALL
	SELECT cons_no, DATE '2026-06-30' - (200 + floor(2800 * u(i, 'thd')))::INT, '16' FROM c WHERE u(i, 'thefthist') < 0.006
	UNION ALL
	SELECT cons_no, DATE '2026-06-30' - (10 + floor(700 * u(i, 'mcd')))::INT, pick(u(i, 'mct'), ['05', '06', '07', '08', '10', '17', '18'])
	FROM c WHERE sort <> '01' AND u(i, 'mchk') < 0.01)
ORDER BY CONS_NO, CHK_DATE;
-- drop the helpers: only the catalogue's tables remain
DROP TABLE area;
DROP TABLE ind;
DROP TABLE shape;
DROP TABLE g0;
DROP TABLE g1;
DROP TABLE g2;
DROP TABLE g3;
DROP TABLE topo;
DROP TABLE tg;
DROP TABLE tg2;
DROP TABLE mon;
DROP TABLE plan;
DROP TABLE dly;
DROP TABLE cons_m;
DROP TABLE bill;
DROP TABLE pay;
DROP TABLE charge;
DROP TABLE outage;
DROP TABLE wk;
DROP TABLE app;
DROP TABLE poi;
DROP TABLE loc;
DROP TABLE c;
DROP MACRO u;
DROP MACRO u3;
DROP MACRO pick;
