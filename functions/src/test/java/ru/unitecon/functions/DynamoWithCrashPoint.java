package ru.unitecon.functions;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DynamoDB client that passes every call to a real DynamoDB (Local) and, once armed, lets a given number of
 * transactional writes through and then crashes: the calls before have happened, the one that crashes has not,
 * as when a sync worker dies between fetching records and writing the rest of them.
 */
final class DynamoWithCrashPoint {
    private final DynamoDbClient real;
    private final AtomicInteger writesBeforeCrash = new AtomicInteger(-1);
    private volatile Runnable crash = () -> {
        throw SdkClientException.create("worker crashed before this write");
    };

    DynamoWithCrashPoint(DynamoDbClient real) {
        this.real = real;
    }

    DynamoDbClient client() {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems")
                            && writesBeforeCrash.getAndUpdate(n -> n < 0 ? n : n - 1) == 0) {
                        crash.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Crashes the {@code writes + 1}-th transactional write from now, once. */
    void crashAfter(int writes) {
        writesBeforeCrash.set(writes);
    }

    /** Instead of throwing, runs this at the crash point (say, stopping the database) and lets the write try. */
    void atCrashPoint(Runnable action) {
        crash = action;
    }
}
