package cn.chuangwei;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Chuangwei 创卫: runs a town's campaign to be named a sanitary town on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChuangweiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChuangweiApplication.class, args);
    }
}
