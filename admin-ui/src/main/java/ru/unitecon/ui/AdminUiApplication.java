package ru.unitecon.ui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The admin UI: the Vaadin app a Bitrix24 portal opens in its iframe. */
@SpringBootApplication
public class AdminUiApplication {
    public static void main(String[] args) {
        SpringApplication.run(AdminUiApplication.class, args);
    }
}
