//! The ids of the shipped briefings, shared by the test files that check them.
// Each test file uses only some of them.
#![allow(dead_code)]

pub const EMSC_2019: &str = "2019-02-emsc-cidpm-trafic-migrants";
pub const EUROMED: &str = "2021-10-27-euromed-migration-v-la-valette";
pub const CHANNEL: &str = "2021-11-28-manche-mer-du-nord-reunion-intergouvernementale";
pub const ZINDER: &str = "2023-01-30-zinder-anltp-tim-naptip-victimes";
pub const NIAMEY: &str = "2023-03-06-niamey-gttc-niger-nigeria";
pub const MAURITANIA: &str = "anltp-tim-visite-instance-mauritanienne";
pub const BRUSSELS: &str = "oim-bruxelles-migrations-irregulieres-argo";
pub const ITALY: &str = "oim-visite-etude-italie-gestion-frontieres";
