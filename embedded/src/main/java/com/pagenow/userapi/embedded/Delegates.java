package com.pagenow.userapi.embedded;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The port groups a {@link UserApiLibrary} hands out, each delegating to the services of the one wiring
 * ({@code UseCases}): callers see the {@code port.in} interfaces, never the service classes. Every method of a group
 * is its use case's, answered by the service implementing that use case, so no method is forwarded by hand.
 */
final class Delegates {

    private Delegates() {}

    /**
     * {@code group} over {@code services}: each of its use cases answered by the first service implementing it.
     *
     * @throws IllegalStateException when no service implements one of them, as the library is built
     */
    static <G> G over(Class<G> group, Object... services) {
        Map<Method, Object> targets = new HashMap<>();
        for (Method method : group.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                targets.put(method, serviceFor(group, method.getDeclaringClass(), services));
            }
        }
        String name = group.getSimpleName() + " over the services of the shared wiring";
        InvocationHandler handler = (proxy, method, args) -> {
            Object target = targets.get(method);
            if (target == null) {
                // Object's own methods: a group is equal only to itself.
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> name;
                };
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        };
        return group.cast(Proxy.newProxyInstance(group.getClassLoader(), new Class<?>[] {group}, handler));
    }

    private static Object serviceFor(Class<?> group, Class<?> useCase, Object[] services) {
        return Arrays.stream(services)
                .filter(useCase::isInstance)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        group.getSimpleName() + ": no service implements " + useCase.getSimpleName()));
    }
}
