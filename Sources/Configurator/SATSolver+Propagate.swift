/// Unit propagation over watched literals.
extension SATSolver {
    /// Propagates the assignments queued on the trail; returns a falsified clause, if any.
    mutating func propagate() -> Int? {
        while queueHead < trail.count {
            let falseLiteral = Int(trail[queueHead]) ^ 1
            queueHead += 1
            var watching: [Watch] = []
            swap(&watching, &watches[falseLiteral])
            var kept = 0
            var index = 0
            var conflict: Int?
            let count = watching.count
            while index < count {
                let watch = watching[index]
                index += 1
                if values[Int(watch.blocker)] == 1 {
                    watching[kept] = watch
                    kept += 1
                    continue
                }
                let clause = Int(watch.clause)
                let start = Int(clauses[clause].start)
                if Int(arena[start]) == falseLiteral {
                    arena[start] = arena[start + 1]
                    arena[start + 1] = Int32(falseLiteral)
                }
                let first = Int(arena[start])
                if first != Int(watch.blocker) && values[first] == 1 {
                    watching[kept] = Watch(clause: watch.clause, blocker: Int32(first))
                    kept += 1
                    continue
                }
                let end = start + Int(clauses[clause].size)
                var candidate = start + 2
                while candidate < end && values[Int(arena[candidate])] == -1 { candidate += 1 }
                if candidate < end {
                    let literal = arena[candidate]
                    arena[candidate] = Int32(falseLiteral)
                    arena[start + 1] = literal
                    watches[Int(literal)].append(Watch(clause: watch.clause, blocker: Int32(first)))
                    continue
                }
                watching[kept] = Watch(clause: watch.clause, blocker: Int32(first))
                kept += 1
                if values[first] == -1 {
                    conflict = clause
                    while index < count {
                        watching[kept] = watching[index]
                        kept += 1
                        index += 1
                    }
                } else {
                    assign(first, reason: clause)
                }
            }
            watching.removeSubrange(kept...)
            swap(&watching, &watches[falseLiteral])
            if let conflict {
                queueHead = trail.count
                return conflict
            }
        }
        return nil
    }
}
