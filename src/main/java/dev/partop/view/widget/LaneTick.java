package dev.partop.view.widget;

import dev.partop.view.term.Theme;

/**
 * What one lane did over one tick, as drawn: its glyph and the role it is coloured by. The role is
 * kept with the glyph, never read back from it: in Unicode the running glyph is also a hold level.
 */
record LaneTick(char glyph, Theme.Role role) {

    /**
     * How much of the tick the lane held a lock (a level, so eight GIL threads show the lock
     * passing between them), else the state that filled most of the tick.
     */
    static LaneTick of(dev.partop.snapshot.LaneSample l, Symbols sym) {
        if (l.holding() >= 0.02 && l.holding() < 0.9) return new LaneTick(sym.hold(l.holding()), Theme.Role.HOLDING);
        double best = l.idle();
        LaneTick t = new LaneTick(sym.idle(), Theme.Role.DIM);
        if (l.running() > best) {
            best = l.running();
            t = new LaneTick(sym.running(), Theme.Role.RUNNING);
        }
        if (l.holding() > best) {
            best = l.holding();
            t = new LaneTick(sym.holding(), Theme.Role.HOLDING);
        }
        if (l.waiting() > best) {
            best = l.waiting();
            t = new LaneTick(sym.waiting(), Theme.Role.WAITING);
        }
        if (l.io() > best) {
            best = l.io();
            t = new LaneTick(sym.io(), Theme.Role.IO);
        }
        dev.partop.snapshot.OsThread o = l.thread();
        if (o != null) {
            // a real program's thread: the kinds of wait only it has
            if (o.runnable() > best) {
                best = o.runnable();
                t = new LaneTick(sym.runnable(), Theme.Role.BAD);
            }
            if (o.lock() > best) {
                best = o.lock();
                t = new LaneTick(sym.lock(), Theme.Role.WAITING);
            }
            if (o.sleeping() > best) {
                best = o.sleeping();
                t = new LaneTick(sym.sleeping(), Theme.Role.DIM);
            }
            if (o.other() > best) {
                best = o.other();
                t = new LaneTick(sym.other(), Theme.Role.DIM);
            }
            if (o.blocked() > best) t = new LaneTick(sym.blocked(), Theme.Role.DIM);
        }
        return t;
    }
}
