/** Contact-volume history per channel in the plan's time zone, and its reader (CSV long or wide, XLSX). */
package org.wfm.forecast.history;
