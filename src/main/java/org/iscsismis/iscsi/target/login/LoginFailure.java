package org.iscsismis.iscsi.target.login;

/** A login that ends here: the Login Response carries {@link #status()}, the log the message. */
public final class LoginFailure extends Exception {

    private final LoginStatus status;

    public LoginFailure(LoginStatus status, String message) {
        super(message);
        this.status = status;
    }

    public LoginStatus status() {
        return status;
    }
}
