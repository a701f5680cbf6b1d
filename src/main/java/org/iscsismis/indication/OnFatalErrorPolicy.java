package org.iscsismis.indication;

/**
 * CIM_AbstractIndicationSubscription.OnFatalErrorPolicy: what happens to a subscription when an indication for it
 * could not be delivered after every retry. NULL and Other behave as Ignore.
 */
public enum OnFatalErrorPolicy implements Coded {
    OTHER(1), IGNORE(2), DISABLE(3), REMOVE(4);

    private final int code;

    OnFatalErrorPolicy(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
