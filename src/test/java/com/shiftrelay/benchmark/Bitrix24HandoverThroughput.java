package com.shiftrelay.benchmark;

/** The hand-over benchmark on the sandbox's Bitrix24 dialect: 50 deals a page, the pages after the first chained. */
abstract class Bitrix24HandoverThroughput extends HandoverThroughput {

    @Override
    int dealsPerPage() {
        return 50;
    }

    /** A first page, then pages chained 50 to a batch: 10,000 deals are 1 + 4 requests. */
    @Override
    int readRequests() {
        return 1 + (DEALS - dealsPerPage() + 50 * 50 - 1) / (50 * 50);
    }
}
