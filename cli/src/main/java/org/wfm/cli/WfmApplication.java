package org.wfm.cli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication
public class WfmApplication { public static void main(String[] a){ org.springframework.boot.SpringApplication.run(WfmApplication.class, a);} }
