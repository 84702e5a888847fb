/** The construction heuristic and the custom local-search moves (day swaps, shift nudges). */
package org.wfm.scheduler.solver.construct;
