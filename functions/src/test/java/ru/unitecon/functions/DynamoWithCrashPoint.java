package ru.unitecon.functions;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DynamoDB client that passes every call to a real DynamoDB (Local) and, once armed, lets a given number of
 * transactional writes through and then crashes: the calls before have happened, the one that crashes has not,
 * as when a sync worker dies between fetching records and writing the rest of them. It can also refuse every
 * transactional write that puts one given item, as DynamoDB refuses a write that is wrong in itself (400), while
 * everything else goes through.
 */
final class DynamoWithCrashPoint {
    private final DynamoDbClient real;
    private final AtomicInteger writesBeforeCrash = new AtomicInteger(-1);
    private volatile Runnable crash = () -> {
        throw SdkClientException.create("worker crashed before this write");
    };

    private final Set<String> refusedSortKeys = ConcurrentHashMap.newKeySet();

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
                    if (method.getName().equals("transactWriteItems")
                            && args[0] instanceof TransactWriteItemsRequest request && putsARefusedItem(request)) {
                        throw DynamoDbException.builder().statusCode(400)
                                .message("ValidationException: refused on purpose").build();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private boolean putsARefusedItem(TransactWriteItemsRequest request) {
        return request.transactItems().stream().anyMatch(item -> item.put() != null
                && refusedSortKeys.contains(item.put().item().get("SK").s()));
    }

    /** From now on, every transactional write that puts the item with this sort key is refused. */
    void refuseWritesOf(String sortKey) {
        refusedSortKeys.add(sortKey);
    }

    void acceptAllWrites() {
        refusedSortKeys.clear();
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
