"""Bench only (./bench relaxed): the restricted master problem written by RelaxedMasterDump, solved by HiGHS.

Choose one column (agent-week plan) per agent-week at least cost so that every covering row is met
(Huangfu and Hall, Parallelizing the dual revised simplex method, Math. Prog. Comp. 10, 2018: HiGHS, here
through SciPy's milp/linprog). Rows that no choice can meet get a slack at a penalty far above any wage, and the
slack used is printed: a solution with slack is no schedule.

Usage: relaxed_master.py FILE [time-limit-s] [kinds: all|blocks|minutes] [lp|dive]
(blocks: the block plans and the product's own schedule's agent-weeks, kind 2, when dumped; all: every kind)
"""
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp, linprog
from scipy.sparse import csc_matrix, vstack, hstack, identity

PENALTY = 1000.0  # per weighted staff-interval short, far above a paid interval (at most ~10)


def read(path, kinds):
    bound = None
    rhs = None
    rows, cols, vals, cost, group = [], [], [], [], []
    groups = {}
    n = 0
    lines = []
    with open(path) as f:
        for number, line in enumerate(f):
            t = line.split()
            if t[0] == 'B':
                bound = float(t[1])
            elif t[0] == 'H':
                rhs = np.array([float(x) for x in t[1:]])
            elif t[0] == 'C':
                kind = int(t[3])
                if kind not in kinds:
                    continue
                key = (int(t[1]), int(t[2]))
                g = groups.setdefault(key, len(groups))
                nnz = int(t[5])
                rows.extend(int(x) for x in t[6:6 + 2 * nnz:2])
                vals.extend(float(x) for x in t[7:7 + 2 * nnz:2])
                cols.extend([n] * nnz)
                cost.append(float(t[4]))
                lines.append(number)
                group.append(g)
                n += 1
    a = csc_matrix((vals, (rows, cols)), shape=(len(rhs), n))
    return bound, rhs, a, np.array(cost), np.array(group), len(groups), lines


def main():
    path = sys.argv[1]
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 300
    which = sys.argv[3] if len(sys.argv) > 3 else 'all'
    kinds = {'all': {0, 1, 2}, 'blocks': {1, 2}, 'minutes': {0, 2}}[which]
    bound, rhs, a, cost, group, ng, lines = read(path, kinds)
    m, n = a.shape
    one = csc_matrix((np.ones(n), (group, np.arange(n))), shape=(ng, n))
    # variables: columns x (binary), slacks s >= 0 per row
    cover = hstack([a, identity(m, format='csc')], format='csc')
    pick = hstack([one, csc_matrix((ng, m))], format='csc')
    c = np.concatenate([cost, np.full(m, PENALTY)])
    cons = [LinearConstraint(cover, rhs, np.inf), LinearConstraint(pick, 1, 1)]
    print(f"{path} kinds={which} rows={m} columns={n} agentWeeks={ng} lagrangian={bound:.2f}", flush=True)
    t0 = time.process_time()
    lp = linprog(c, A_ub=-cover, b_ub=-rhs, A_eq=pick, b_eq=np.ones(ng),
                 bounds=list(zip(np.zeros(n + m), np.concatenate([np.ones(n), np.full(m, np.inf)]))),
                 method='highs', options={'time_limit': limit})
    if lp.x is None:
        print(f"LP: status={lp.status} {lp.message} cpu={time.process_time() - t0:.1f}s", flush=True)
    else:
        print(f"LP: status={lp.status} value={lp.fun:.2f} slack={lp.x[n:].sum():.3f} "
              f"cpu={time.process_time() - t0:.1f}s", flush=True)
    if len(sys.argv) > 4 and sys.argv[4] == 'lp':
        return
    if len(sys.argv) > 4 and sys.argv[4] == 'dive':
        dive(c, cover, rhs, pick, group, ng, n, m, cost, limit, path, which, lines)
        return
    t0 = time.process_time()
    res = milp(c, constraints=cons, integrality=np.concatenate([np.ones(n), np.zeros(m)]),
               bounds=Bounds(0, np.concatenate([np.ones(n), np.full(m, np.inf)])),
               options={'disp': False, 'time_limit': limit, 'mip_rel_gap': 1e-3})
    if res.x is None:
        print(f"MIP: status={res.status} {res.message} cpu={time.process_time() - t0:.1f}s")
        return
    slack = res.x[n:].sum()
    chosen = np.round(res.x[:n])
    wages = float(cost @ chosen)
    # the chosen columns' line numbers, for RelaxedMasterSchedule (the plans as schedule rows, evaluated)
    with open(path + '.' + which + '.chosen', 'w') as out:
        out.write('\n'.join(str(lines[j]) for j in np.nonzero(chosen > 0.5)[0]) + '\n')
    print(f"MIP: status={res.status} ({res.message}) value={res.fun:.2f} wages={wages:.2f} slack={slack:.3f} "
          f"dual_bound={getattr(res, 'mip_dual_bound', float('nan')):.2f} gap={getattr(res, 'mip_gap', float('nan'))} "
          f"cpu={time.process_time() - t0:.1f}s", flush=True)


def dive(c, cover, rhs, pick, group, ng, n, m, cost, limit, path, which, lines):
    """LP diving (a primal heuristic): solve the LP, fix every agent-week whose best column has x >= 0.8, and
    at least the 10 agent-weeks nearest to integral, to their best column; repeat until every agent-week is fixed.
    """
    lo = np.zeros(n + m)
    hi = np.concatenate([np.ones(n), np.full(m, np.inf)])
    fixed = np.full(ng, -1)
    t0 = time.process_time()
    rounds = 0
    while (fixed < 0).any():
        lp = linprog(c, A_ub=-cover, b_ub=-rhs, A_eq=pick, b_eq=np.ones(ng), bounds=list(zip(lo, hi)),
                     method='highs', options={'time_limit': limit})
        rounds += 1
        x = lp.x[:n]
        best = np.full(ng, -1)
        bestx = np.full(ng, -1.0)
        for j in range(n):
            g = group[j]
            if x[j] > bestx[g]:
                bestx[g] = x[j]
                best[g] = j
        free = [g for g in range(ng) if fixed[g] < 0]
        free.sort(key=lambda g: -bestx[g])
        chosen = [g for g in free if bestx[g] >= 0.8]
        if len(chosen) < 10:
            chosen = free[:10]
        for g in chosen:
            fixed[g] = best[g]
            for j in np.nonzero(group == g)[0]:
                hi[j] = 1.0 if j == best[g] else 0.0
                lo[j] = 1.0 if j == best[g] else 0.0
        print(f"dive round {rounds}: LP {lp.fun:.2f}, fixed {int((fixed >= 0).sum())} of {ng}", flush=True)
    x = np.zeros(n)
    x[fixed] = 1
    cov = cover[:, :n] @ x
    short = np.maximum(0, rhs - cov).sum()
    print(f"DIVE: wages={float(cost @ x):.2f} short={short:.3f} rounds={rounds} cpu={time.process_time() - t0:.1f}s",
          flush=True)
    with open(path + '.' + which + '.chosen', 'w') as out:
        out.write('\n'.join(str(lines[j]) for j in fixed) + '\n')


if __name__ == '__main__':
    main()
