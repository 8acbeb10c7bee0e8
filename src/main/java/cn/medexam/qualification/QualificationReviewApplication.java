package cn.medexam.qualification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 医师资格考试报名资格线上审核: one Spring Boot application with the embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QualificationReviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(QualificationReviewApplication.class, args);
    }
}
