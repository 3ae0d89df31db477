package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.LiveEventSignals;
import com.pagenow.userapi.domain.user.UserId;

import java.util.Set;

/** Signals sent by the test, as the database's notifications would arrive. */
public class ManualLiveEventSignals implements LiveEventSignals {

    private volatile Listener listener;
    private volatile boolean closed;

    @Override
    public void start(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void close() {
        closed = true;
    }

    public void recorded(UserId... recipients) {
        listener.recorded(Set.of(recipients));
    }

    public void reconnected() {
        listener.mayHaveMissed();
    }

    public boolean isClosed() {
        return closed;
    }
}
