/**
 * The Apache Spark engine for plans with units ({@code wfm plan --engine spark}): {@link org.wfm.spark.SparkEngine}
 * runs each unit as a Spark task, embedded {@code local[*]} or on a cluster; {@link org.wfm.spark.SparkPlan} is the
 * main class of the job jar for {@code spark-submit}.
 */
package org.wfm.spark;
