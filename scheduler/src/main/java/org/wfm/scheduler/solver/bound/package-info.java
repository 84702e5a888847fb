/** The LP lower bound on the cost of covering the requirements (quality certificate), solved with ojAlgo. */
package org.wfm.scheduler.solver.bound;
