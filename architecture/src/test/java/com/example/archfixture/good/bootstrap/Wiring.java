package com.example.archfixture.good.bootstrap;

import com.example.archfixture.good.adapter.memory.InMemoryStore;

/** The fixture service's composition root. */
public final class Wiring {

    public InMemoryStore store = new InMemoryStore();
}
