package cn.chuangwei.web;

import org.springframework.web.bind.annotation.GetMapping;

/** The board's sign-in page; Spring Security checks the form against Camunda's identities. */
@Page
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
