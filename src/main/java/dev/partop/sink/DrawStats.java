package dev.partop.sink;

/** What a live view tells the self meter about its drawing: frames drawn and bytes sent so far. */
public interface DrawStats {
    long frames();

    long bytes();
}
