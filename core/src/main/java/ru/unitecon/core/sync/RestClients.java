package ru.unitecon.core.sync;

import ru.unitecon.core.bitrix.rest.BitrixRestClient;

/** Makes the REST client of one portal, with the installation's stored tokens. */
@FunctionalInterface
public interface RestClients {
    BitrixRestClient forPortal(String memberId);
}
