package com.shiftrelay.distribution;

import org.springframework.data.jpa.repository.JpaRepository;

interface DealSnapshots extends JpaRepository<DealSnapshot, Long> {
}
