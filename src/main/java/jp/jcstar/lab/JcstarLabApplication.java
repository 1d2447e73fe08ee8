package jp.jcstar.lab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JcstarLabApplication {

    public static void main(String[] args) {
        SpringApplication.run(JcstarLabApplication.class, args);
    }
}
